namespace CareersPipeline.Core.People;

public enum ApplicantStatus
{
    /// <summary>Stored and queued; the pipeline has not processed it yet.</summary>
    Received,

    /// <summary>Under 16: nothing more happens until a parent or guardian confirms by link.</summary>
    AwaitingGuardianConsent,

    /// <summary>Processed: routed onto a Journey to Work and sent their confirmation.</summary>
    Active,
}
