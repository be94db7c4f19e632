namespace CareersPipeline.Core.Features.Applications;

/// <summary>Where a job application is, after the DfE recruitment service's model.</summary>
public enum ApplicationStatus
{
    Submitted,
    InReview,
    Shortlisted,
    Interviewing,
    Offered,
    Accepted,
    Declined,
    Started,
    Unsuccessful,
    Withdrawn,
}
