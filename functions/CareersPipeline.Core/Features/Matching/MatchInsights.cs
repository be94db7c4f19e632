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

    /// <summary>How many openings an exclusion kept from a person, as they would read it: "2 openings need a driving licence".</summary>
    public static string Describe(MatchExclusion reason, int count)
    {
        var one = count == 1;
        var verb = reason switch
        {
            MatchExclusion.TooYoung => (one ? "is" : "are") + " for people older than you are at their start date",
            MatchExclusion.NoRightToWork => (one ? "needs" : "need") + " the right to work in the UK",
            MatchExclusion.NeedsDrivingLicence => (one ? "needs" : "need") + " a driving licence",
            MatchExclusion.BelowQualificationLevel => (one ? "needs" : "need") + " a higher qualification than you have told us about",
            _ => reason.ToString(),
        };
        return $"{count} {(one ? "opening" : "openings")} {verb}";
    }
}
