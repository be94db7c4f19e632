namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// What keeps a person from more matches: of the open candidates within their travel distance, how many each hard
/// filter excludes. "14 openings near you need a driving licence" tells an adviser, or the person, what would help.
/// </summary>
public static class MatchInsights
{
    public static IReadOnlyDictionary<MatchExclusion, int> NearbyExclusions(MatchProfile profile, IReadOnlyList<MatchCandidate> candidates, DateOnly today)
    {
        var counts = new SortedDictionary<MatchExclusion, int>();
        var person = new PersonFacts(profile);
        var anyone = new PersonFacts(profile with { RightToWork = People.RightToWork.Yes, DrivingLicence = true, Qualification = People.QualificationLevel.Level8, DateOfBirth = DateOnly.MinValue });
        foreach (var candidate in candidates)
        {
            // Within reach and open: the candidate would match someone in their place who met every requirement.
            var facts = new CandidateFacts(candidate);
            if (!MatchRules.Evaluate(anyone, facts, today).IsMatch)
            {
                continue;
            }

            if (MatchRules.Evaluate(person, facts, today).Exclusion is { } reason)
            {
                counts[reason] = counts.GetValueOrDefault(reason) + 1;
            }
        }

        return counts;
    }

    /// <summary>The exclusion as a person would read it: "need a driving licence".</summary>
    public static string Describe(MatchExclusion reason) => reason switch
    {
        MatchExclusion.TooYoung => "are for people older than you are at their start date",
        MatchExclusion.NoRightToWork => "need the right to work in the UK",
        MatchExclusion.NeedsDrivingLicence => "need a driving licence",
        MatchExclusion.BelowQualificationLevel => "need a higher qualification than you have told us about",
        _ => reason.ToString(),
    };
}
