using BenchmarkDotNet.Attributes;
using CareersPipeline.Core.Features.Matching;

namespace CareersPipeline.Benchmarks.Matching;

/// <summary>
/// One person's top ten among 20,000 open opportunities. Each operation takes the next of 4,096 people, so the figure
/// is for people in general (dense cities, market towns, long and short travel distances), not one lucky person.
/// </summary>
[MemoryDiagnoser]
public class TopMatchesBenchmark
{
    private const int Sample = 4096;
    private MatchProfile[] _people = [];
    private CandidateIndex _index = CandidateIndex.Empty;
    private BruteForceMatcher _bruteForce = new([]);
    private int _next;

    [Params(Scenario.England, Scenario.Region)]
    public Scenario Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new EnglandData(MatchingSuite.Seed, Data);
        var opportunities = data.Opportunities(MatchingSuite.Opportunities);
        _people = [.. data.People(Sample)];
        _index = CandidateIndex.Build(opportunities);
        _bruteForce = new BruteForceMatcher(opportunities);
    }

    [Benchmark]
    public IReadOnlyList<ScoredMatch> TopTen() => _index.Top(_people[_next++ & (Sample - 1)], 10, EnglandData.Today);

    [Benchmark(Baseline = true)]
    public IReadOnlyList<ScoredMatch> TopTenBruteForce() => _bruteForce.Top(_people[_next++ & (Sample - 1)], 10, EnglandData.Today);
}
