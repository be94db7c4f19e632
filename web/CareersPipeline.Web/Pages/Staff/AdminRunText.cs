using CareersPipeline.Core.Runs;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>How the admin pages name a run's outcome.</summary>
public static class AdminRunText
{
    public static string Outcome(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Succeeded => "Succeeded",
        RunOutcome.Failed => "Failed",
        RunOutcome.NotConfigured => "Not configured",
        _ => "Running",
    };
}
