namespace CareersPipeline.Core.ReferenceData;

/// <summary>What a public door needs to know about the code it was given.</summary>
public enum ReferenceCodeStatus
{
    /// <summary>No such code: "check the code you were given".</summary>
    Unknown,

    /// <summary>Takes sign-ups.</summary>
    Open,

    /// <summary>Known, but no longer taking sign-ups (the event is over, the school left the scheme).</summary>
    Retired,
}
