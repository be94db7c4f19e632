using NCrontab;

namespace CareersPipeline.Functions.Runtime.Local;

public static class TimerSchedules
{
    /// <summary>Resolves a timer's schedule setting and parses it, failing with a message that names the setting.</summary>
    public static CrontabSchedule Resolve(TimerFunction function, IConfiguration configuration)
    {
        var expression = configuration[function.ScheduleSetting];
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new InvalidOperationException($"Timer {function.Name} needs the app setting {function.ScheduleSetting} (an NCRONTAB expression such as '0 */5 * * * *').");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"The app setting {function.ScheduleSetting} ('{expression}') is not a six-field NCRONTAB expression: {{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}.");
    }
}
