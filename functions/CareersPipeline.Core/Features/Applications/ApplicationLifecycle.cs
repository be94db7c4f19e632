namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The status machine. Every move is in <see cref="Moves"/> or refused, and a refusal names the moves that are allowed
/// from where the application is. Each move returns the changed application and the event that records it.
/// </summary>
public static class ApplicationLifecycle
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Moves = new()
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.InReview, ApplicationStatus.Shortlisted, ApplicationStatus.Unsuccessful, ApplicationStatus.Withdrawn],
        [ApplicationStatus.InReview] = [ApplicationStatus.Shortlisted, ApplicationStatus.Unsuccessful, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Shortlisted] = [ApplicationStatus.Interviewing, ApplicationStatus.Offered, ApplicationStatus.Unsuccessful, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Interviewing] = [ApplicationStatus.Offered, ApplicationStatus.Unsuccessful, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Offered] = [ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Unsuccessful, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Accepted] = [ApplicationStatus.Started, ApplicationStatus.Withdrawn],
    };

    /// <summary>Moves an employer makes; the person makes the others (withdraw, accept, decline).</summary>
    public static readonly IReadOnlySet<ApplicationStatus> EmployerMoves = new HashSet<ApplicationStatus>
    {
        ApplicationStatus.InReview, ApplicationStatus.Shortlisted, ApplicationStatus.Interviewing, ApplicationStatus.Offered, ApplicationStatus.Unsuccessful, ApplicationStatus.Started,
    };

    public static IReadOnlyList<ApplicationStatus> NextFrom(ApplicationStatus from) => Moves.TryGetValue(from, out var next) ? next : [];

    /// <summary>The next moves an employer may make (what staff pages offer as buttons and forms).</summary>
    public static IReadOnlyList<ApplicationStatus> EmployerNextFrom(ApplicationStatus from) => [.. NextFrom(from).Where(EmployerMoves.Contains)];

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => NextFrom(from).Contains(to);

    /// <summary>Whether the application counts towards filling the opportunity's positions.</summary>
    public static bool HoldsPlace(ApplicationStatus status) => status is ApplicationStatus.Accepted or ApplicationStatus.Started;

    public static bool IsFinished(ApplicationStatus status) => NextFrom(status).Count == 0;

    /// <summary>A status change, with <paramref name="change"/> applied to the application's details as it moves.</summary>
    public static LifecycleResult Move(JobApplication application, ApplicationStatus to, ApplicationChange change, string by, DateTimeOffset now, string? note = null, Func<JobApplication, JobApplication>? details = null) =>
        CanMove(application.Status, to)
            ? Record(details?.Invoke(application) ?? application, to, change, by, now, note)
            : LifecycleResult.Refused(Refusal(application.Status, to));

    /// <summary>A change that keeps the status (the interview rescheduled, or the person's answer to it).</summary>
    public static LifecycleResult Update(JobApplication application, ApplicationChange change, string by, DateTimeOffset now, Func<JobApplication, JobApplication> details, string? note = null) =>
        Record(details(application), application.Status, change, by, now, note);

    /// <summary>"An application that is Started cannot become Withdrawn. It can go no further." and the like.</summary>
    public static string Refusal(ApplicationStatus from, ApplicationStatus to)
    {
        var next = NextFrom(from);
        var allowed = next.Count == 0
            ? "It can go no further."
            : $"From {Describe(from)} it can become: {string.Join(", ", next.Select(Describe))}.";
        return $"An application that is {Describe(from)} cannot become {Describe(to)}. {allowed}";
    }

    /// <summary>The status as people read it ("In review", not "InReview").</summary>
    public static string Describe(ApplicationStatus status) => status switch
    {
        ApplicationStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static LifecycleResult Record(JobApplication application, ApplicationStatus to, ApplicationChange change, string by, DateTimeOffset now, string? note)
    {
        var sequence = application.Sequence + 1;
        var recorded = new ApplicationEvent(sequence, change, application.Status, to, now, by, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return LifecycleResult.Moved(application with { Status = to, Sequence = sequence, UpdatedAt = now }, recorded);
    }
}
