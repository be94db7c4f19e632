namespace CareersPipeline.Core.Features.Opportunities;

public enum OpportunityKind
{
    Apprenticeship,
    EntryLevelVacancy,

    /// <summary>An apprenticeship place at a (usually small) employer, paid for by a levy-transfer pledge.</summary>
    LevyFundedPlace,
}

public enum OpportunityStatus
{
    Draft,
    Live,
    Closed,
    Archived,
}

public enum ClosureReason
{
    /// <summary>The closing date passed (the closing timer).</summary>
    ClosingDate,
    Filled,
    Manual,

    /// <summary>A national vacancy that the DfE service no longer lists.</summary>
    NoLongerAdvertised,
}

public enum WageType
{
    Fixed,
    ApprenticeshipMinimum,
    NationalMinimum,
    Competitive,
}

public enum WageUnit
{
    Hourly,
    Weekly,
    Monthly,
    Annually,
}

public enum ContractType
{
    Permanent,
    FixedTerm,
    Bank,
}

public enum OpportunitySource
{
    /// <summary>Published here by a regional employer.</summary>
    Local,

    /// <summary>Imported from the DfE "Find an apprenticeship" service.</summary>
    National,
}
