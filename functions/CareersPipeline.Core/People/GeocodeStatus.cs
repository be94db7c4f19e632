namespace CareersPipeline.Core.People;

public enum GeocodeStatus
{
    NotAttempted,
    Resolved,

    /// <summary>postcodes.io could not be reached; the retry timer will try again.</summary>
    Pending,

    /// <summary>postcodes.io does not know the postcode (for example, a brand-new or terminated one).</summary>
    NotFound,
}
