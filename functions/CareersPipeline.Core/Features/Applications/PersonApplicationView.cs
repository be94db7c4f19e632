namespace CareersPipeline.Core.Features.Applications;

/// <summary>One application as the person sees it on their status page, with what happens next and what they can do.</summary>
public sealed record PersonApplicationView(
    string Id,
    string OpportunityId,
    string OpportunityTitle,
    string EmployerName,
    ApplicationStatus Status,
    string WhatHappensNext,
    bool AppliedElsewhere,
    InterviewInvitation? Interview,
    JobOffer? Offer,
    DateOnly? StartDate,
    string? Feedback,
    DateTimeOffset SubmittedAt,
    bool CanWithdraw,
    bool CanAnswerOffer,
    bool CanAnswerInterview)
{
    public static PersonApplicationView Of(JobApplication a) => new(
        a.Id,
        a.OpportunityId,
        a.OpportunityTitle,
        a.EmployerName,
        a.Status,
        NextFor(a),
        a.AppliedElsewhere,
        a.Interview,
        a.Offer,
        a.StartDate,
        a.Feedback,
        a.SubmittedAt,
        ApplicationLifecycle.CanMove(a.Status, ApplicationStatus.Withdrawn),
        a.Status == ApplicationStatus.Offered,
        a.Status == ApplicationStatus.Interviewing && a.Interview?.Response == InterviewResponse.Awaiting);

    private static string NextFor(JobApplication a) => a.Status switch
    {
        ApplicationStatus.Submitted when a.AppliedElsewhere => "You applied on Find an apprenticeship. The employer will contact you through that service.",
        ApplicationStatus.Submitted => "The employer has your application. They will look at it after the closing date and we will email you when it moves on.",
        ApplicationStatus.InReview => "The employer is looking at your application.",
        ApplicationStatus.Shortlisted => "You are on the shortlist. The employer may invite you to an interview.",
        ApplicationStatus.Interviewing when a.Interview?.Response == InterviewResponse.AnotherTimeAsked => "You asked for another interview time. The employer will send a new invitation.",
        ApplicationStatus.Interviewing => "You are invited to an interview. Accept the time, or ask for another.",
        ApplicationStatus.Offered => "You have an offer. Accept or decline it.",
        ApplicationStatus.Accepted => "You accepted the offer. The employer will confirm your start date.",
        ApplicationStatus.Started => "You have started. Congratulations.",
        ApplicationStatus.Declined => "You declined the offer.",
        ApplicationStatus.Unsuccessful => "This application was not successful this time. The employer's feedback is below.",
        ApplicationStatus.Withdrawn => "You withdrew this application.",
        _ => string.Empty,
    };
}
