namespace CareersPipeline.Core.Features.SignUps;

public enum ApplicantStatus
{
    /// <summary>Stored and queued; the pipeline has not processed it yet.</summary>
    Received,

    /// <summary>Under 16: nothing more happens until a parent or guardian confirms by link.</summary>
    AwaitingGuardianConsent,

    /// <summary>Processed: routed onto a Journey to Work and sent their confirmation.</summary>
    Active,
}

public enum GeocodeStatus
{
    NotAttempted,
    Resolved,

    /// <summary>postcodes.io could not be reached; the retry timer will try again.</summary>
    Pending,

    /// <summary>postcodes.io does not know the postcode (for example, a brand-new or terminated one).</summary>
    NotFound,
}
