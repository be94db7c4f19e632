using CareersPipeline.Core.Features.Matching;
using static CareersPipeline.Core.Tests.Features.Matching.MatchTestData;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class CandidateIndexTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1)]
    [InlineData(3, 20)]
    [InlineData(4, 200)]
    [InlineData(5, 0)]
    public void Top_RandomData_IsExactlyWhatTheBruteForceScorerGives(int seed, int count)
    {
        var data = new RandomMatchData(seed);
        var candidates = data.Candidates(3000);
        var index = CandidateIndex.Build(candidates);
        var bruteForce = new BruteForceMatcher(candidates);
        var compared = 0;

        foreach (var person in data.People(400))
        {
            foreach (var today in new[] { Today, Today.AddDays(9) })
            {
                var expected = bruteForce.Top(person, count, today);
                var actual = index.Top(person, count, today);
                Assert.Equal(Describe(expected), Describe(actual));
                compared += expected.Count;
            }
        }

        // The data must actually produce matches, or the comparison proves nothing.
        Assert.True(count == 0 || compared > 400, $"only {compared} matches compared");
    }

    [Fact]
    public void Top_TiedScores_AreOrderedBySoonestClosingThenId()
    {
        var candidates = new[]
        {
            Candidate("o000000000000000000000003", closesInDays: 20),
            Candidate("o000000000000000000000001", closesInDays: 20),
            Candidate("o000000000000000000000002", closesInDays: 19),
        };

        var top = CandidateIndex.Build(candidates).Top(Person(), 3, Today);

        Assert.Equal(["o000000000000000000000002", "o000000000000000000000001", "o000000000000000000000003"], top.Select(m => m.Candidate.Id));
    }

    [Fact]
    public void Top_ACandidateWithWorkplacesInSeveralCells_IsListedOnceAtItsNearest()
    {
        var candidate = Candidate(locations: [Stafford, Stoke, new GeoPoint(53.0034, -2.2)]);

        var top = CandidateIndex.Build([candidate]).Top(Person(location: Stoke, travelMiles: 30), 10, Today);

        var match = Assert.Single(top);
        Assert.Equal(0, match.DistanceMiles!.Value, precision: 6);
    }

    [Fact]
    public void WithAndWithout_ReplaceAndRemoveACandidate_LeavingTheOriginalUnchanged()
    {
        var original = CandidateIndex.Build([Candidate("o000000000000000000000001"), Candidate("o000000000000000000000002")]);

        var replaced = original.With(Candidate("o000000000000000000000001", closesInDays: -5));
        var removed = original.Without("o000000000000000000000002");

        Assert.Equal(2, original.Top(Person(), 10, Today).Count);
        Assert.Equal(["o000000000000000000000002"], replaced.Top(Person(), 10, Today).Select(m => m.Candidate.Id));
        Assert.Equal(["o000000000000000000000001"], removed.Top(Person(), 10, Today).Select(m => m.Candidate.Id));
        Assert.Same(original, original.Without("o000000000000000000000009"));
    }

    private static List<string> Describe(IReadOnlyList<ScoredMatch> matches) =>
        [.. matches.Select(m => $"{m.Candidate.Id} {m.Score} {m.DistanceMiles:R}")];
}
