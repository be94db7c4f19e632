namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// One change to an application, stored as its own row in the application's partition in the same transaction as the
/// change. <paramref name="By"/> is a staff subject id, or "person" for the applicant themselves.
/// </summary>
public sealed record ApplicationEvent(int Sequence, ApplicationChange Change, ApplicationStatus From, ApplicationStatus To, DateTimeOffset At, string By, string? Note = null);
