namespace CareersPipeline.Core.Features.Applications;

public sealed record LifecycleResult(JobApplication? Application, ApplicationEvent? Event, string? Error)
{
    public static LifecycleResult Moved(JobApplication application, ApplicationEvent recorded) => new(application, recorded, null);

    public static LifecycleResult Refused(string error) => new(null, null, error);
}
