namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// One application as the employer sees it: what the person wrote, their name and contact details, and where it is.
/// Never their route, support needs, equality answers or other applications: none of that is copied into it.
/// </summary>
public sealed record EmployerApplicationView(
    string Id,
    string OpportunityId,
    string OpportunityTitle,
    string Name,
    string Email,
    string? Phone,
    ApplicationStatus Status,
    ApplicationAnswers? Answers,
    bool AppliedElsewhere,
    InterviewInvitation? Interview,
    JobOffer? Offer,
    DateOnly? StartDate,
    string? Feedback,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ApplicationStatus> NextMoves,
    IReadOnlyList<ApplicationEvent> History)
{
    public static EmployerApplicationView Of(JobApplication a, IReadOnlyList<ApplicationEvent> history) => new(
        a.Id,
        a.OpportunityId,
        a.OpportunityTitle,
        $"{a.FirstName} {a.LastName}",
        a.Email,
        a.Phone,
        a.Status,
        a.Answers,
        a.AppliedElsewhere,
        a.Interview,
        a.Offer,
        a.StartDate,
        a.Feedback,
        a.SubmittedAt,
        ApplicationLifecycle.EmployerNextFrom(a.Status),
        history);
}
