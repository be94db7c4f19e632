namespace CareersPipeline.Core.Features.Applications;

/// <summary>What people are told when something cannot be done, in one place so the API and pages say the same.</summary>
public static class ApplicationMessages
{
    public const string NotFound = "There is no such application, or it is not yours to see.";
    public const string OpportunityNotFound = "There is no such opportunity, or it is not open to applications.";
    public const string Stale = "Someone else changed this application since you opened it. Look at it again before you change it.";
    public const string Busy = "Someone else changed this application at the same time. Look at it again and try again.";
    public const string NotVerified = "Confirm your email address first: use the link in the email we sent when you signed up, or ask for new links.";
    public const string UnderSixteen = "You need to be 16 or over to apply for a job. Work experience and events are still open to you.";
    public const string National = "This apprenticeship is advertised on Find an apprenticeship: apply there, then tell us you applied so we can help you with what comes next.";
    public const string NotNational = "Only apprenticeships advertised on Find an apprenticeship are applied for elsewhere: apply here instead.";

    public static string Closed(DateOnly closingDate) =>
        $"This opportunity closed on {closingDate:d MMMM yyyy} and no longer takes applications. Your matches page shows others that are open.";
}
