namespace CareersPipeline.Core.Features.Applications;

/// <summary>What an event on an application records; the queue handler decides what follows from it.</summary>
public enum ApplicationChange
{
    Submitted,

    /// <summary>A national vacancy: the person applied on Find an apprenticeship and told us.</summary>
    AppliedElsewhere,
    Moved,
    Invited,
    InterviewAccepted,
    AnotherTimeAsked,
    Offered,
    OfferAccepted,
    OfferDeclined,
    Unsuccessful,
    Started,
    Withdrawn,
}
