namespace CareersPipeline.Core.People;

public enum ConsentDecision
{
    Allowed,

    /// <summary>No statement for the purpose is held (fail closed).</summary>
    NotGiven,

    /// <summary>The person said no, or withdrew.</summary>
    Withdrawn,

    /// <summary>Marketing to an under-16.</summary>
    UnderAge,

    /// <summary>An under-16 whose guardian has not (or no longer) agreed.</summary>
    NoGuardianConsent,
}
