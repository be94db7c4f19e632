using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using static CareersPipeline.Core.Tests.Features.Matching.MatchTestData;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchRecordTests
{
    [Fact]
    public void AddNotified_RemembersEachMatchOnce_AndForgetsThoseThatHaveClosed()
    {
        var record = new MatchRecordEntity();
        record.AddNotified([Stored("o1", score: 80, closesInDays: 10), Stored("o2", score: 75, closesInDays: 1)], Today);

        record.AddNotified([Stored("o3", score: 90, closesInDays: 5), Stored("o1", score: 80, closesInDays: 10)], Today.AddDays(3));

        Assert.Equal(new HashSet<string> { "o1", "o3" }, record.NotifiedIds());
    }

    [Fact]
    public void StrongNew_IsTheStrongOpenMatchesNotEmailedBefore_BestFirst_AtMostThree()
    {
        var record = new MatchRecordEntity();
        record.SetMatches([Stored("o1", 95), Stored("o2", 90), Stored("o3", 85), Stored("o4", 80), Stored("o5", 75), Stored("o6", 60), Stored("o7", 99, closesInDays: -1)], "h", default);
        record.AddNotified([Stored("o1", 95)], Today);

        var strong = MatchAlerts.StrongNew(record, minScore: 70, Today);

        Assert.Equal(["o2", "o3", "o4"], strong.Select(m => m.CandidateId));
    }

    [Fact]
    public void Saved_RoundTripsAsASet()
    {
        var record = new MatchRecordEntity();

        record.SetSaved(["o2", "o1", "o2"]);

        Assert.Equal(new HashSet<string> { "o1", "o2" }, record.SavedIds());
        Assert.Equal("o1,o2", record.Saved);
    }

    internal static Match Stored(string id, int score, int closesInDays = 20) =>
        new(id, CandidateKind.Apprenticeship, $"Title {id}", "UHNM", CareerFamily.Nursing, score, default, 2.5, Today.AddDays(closesInDays), "2.5 miles away; matches your interest in nursing");
}
