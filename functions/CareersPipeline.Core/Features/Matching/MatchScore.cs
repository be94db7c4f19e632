namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// A match's score out of 100, by part, so an adviser can see what it rests on. Whole numbers, so two scorers that
/// apply the same rules agree exactly, whatever order they add things up in.
/// </summary>
public readonly record struct MatchScore(int Interest, int Level, int Distance, int Route, int Closing)
{
    public const int MaxInterest = 35;
    public const int MaxLevel = 20;
    public const int MaxDistance = 25;
    public const int MaxRoute = 15;
    public const int MaxClosing = 5;

    /// <summary>An online or anywhere candidate scores this for distance: never far, but not on the doorstep either.</summary>
    public const int RemoteDistance = 15;

    public int Total => Interest + Level + Distance + Route + Closing;
}

/// <summary>Why a candidate is not a match for a person: the first hard filter it fails.</summary>
public enum MatchExclusion
{
    Closed,
    TooYoung,
    NoRightToWork,
    NeedsDrivingLicence,
    BelowQualificationLevel,

    /// <summary>The person's postcode has not been placed yet, so nothing with a workplace can be checked for distance.</summary>
    PersonNotPlaced,

    /// <summary>None of the candidate's workplaces has coordinates.</summary>
    CandidateNotPlaced,
    TooFar,
}

/// <summary>A candidate scored for a person: a match with its score and distance, or the filter that excluded it.</summary>
public readonly record struct MatchEvaluation(MatchExclusion? Exclusion, MatchScore Score, double? DistanceMiles)
{
    public bool IsMatch => Exclusion is null;

    public static MatchEvaluation Excluded(MatchExclusion reason) => new(reason, default, null);
}
