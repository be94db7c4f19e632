namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// A person's application for one opportunity. The name and contact details are copied from the sign-up when they
/// apply, so an employer's list of 500 applicants is read from one partition; erasure removes them with the application.
/// </summary>
public sealed record JobApplication
{
    public required string Id { get; init; }
    public required string OpportunityId { get; init; }
    public required string OpportunityTitle { get; init; }
    public required string EmployerCode { get; init; }
    public required string EmployerName { get; init; }

    /// <summary>The sign-up the person applied through (their link), and the verified person it belongs to.</summary>
    public required string ApplicantId { get; init; }
    public required string PersonKey { get; init; }

    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }

    public ApplicationStatus Status { get; init; } = ApplicationStatus.Submitted;

    /// <summary>Null when the person applied on Find an apprenticeship and only recorded it here.</summary>
    public ApplicationAnswers? Answers { get; init; }
    public bool AppliedElsewhere { get; init; }
    public InterviewInvitation? Interview { get; init; }
    public JobOffer? Offer { get; init; }
    public DateOnly? StartDate { get; init; }

    /// <summary>Why it was unsuccessful, in the employer's words: sent to the person.</summary>
    public string? Feedback { get; init; }

    /// <summary>The number of events so far; the next event's sequence is one more.</summary>
    public int Sequence { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
