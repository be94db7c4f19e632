using System.Diagnostics;
using CareersPipeline.Core.Features.Matching;

namespace CareersPipeline.Benchmarks.Matching;

/// <summary>
/// The nightly pass's matching work in memory: everyone's top list from the index and from the brute-force scorer, in
/// the same process, compared person by person. Storage reads and writes are not in it (they are the same for
/// both, and Azurite's speed says nothing about Azure's).
/// </summary>
internal static class FullPass
{
    private const int WarmUpPeople = 500;
    private const int Chunk = 10_000;

    public static FullPassResult Run(Scenario scenario, int people, int opportunities, int listSize)
    {
        var data = new EnglandData(MatchingSuite.Seed, scenario);
        var candidates = data.Opportunities(opportunities);
        // In the order the real pass takes them (see MatchingFullPass), for both scorers.
        var profiles = CandidateIndex.NearestTogether(data.People(people), p => p.Location).ToList();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        var index = CandidateIndex.Build(candidates);
        build.Stop();
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        // Both scorers warm up first on other people, so neither is timed while the JIT is still tiering it up.
        var bruteForce = new BruteForceMatcher(candidates);
        foreach (var warmUp in data.People(WarmUpPeople))
        {
            index.Top(warmUp, listSize, EnglandData.Today);
            bruteForce.Top(warmUp, listSize, EnglandData.Today);
        }

        // A chunk at a time, each scorer timed on its own: the real pass writes each list and keeps none, so holding all
        // 100,000 would time the garbage collector moving them (about a tenth of the indexed pass), not the matching.
        var indexed = new IReadOnlyList<ScoredMatch>[Math.Min(Chunk, profiles.Count)];
        var fast = new Stopwatch();
        var slow = new Stopwatch();
        var allocated = 0L;
        var differences = 0;
        var matches = 0L;
        for (var start = 0; start < profiles.Count; start += Chunk)
        {
            var end = Math.Min(start + Chunk, profiles.Count);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            fast.Start();
            for (var i = start; i < end; i++)
            {
                indexed[i - start] = index.Top(profiles[i], listSize, EnglandData.Today);
            }

            fast.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            for (var i = start; i < end; i++)
            {
                slow.Start();
                var expected = bruteForce.Top(profiles[i], listSize, EnglandData.Today);
                slow.Stop();
                matches += expected.Count;
                if (!Same(expected, indexed[i - start]))
                {
                    differences++;
                }
            }
        }

        var allocatedPerPerson = allocated / (double)profiles.Count;
        using var process = Process.GetCurrentProcess();
        return new FullPassResult(scenario, people, opportunities, listSize, build.Elapsed, fast.Elapsed, slow.Elapsed, differences, matches, indexBytes, allocatedPerPerson, process.PeakWorkingSet64);
    }

    private static bool Same(IReadOnlyList<ScoredMatch> expected, IReadOnlyList<ScoredMatch> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Candidate.Id != actual[i].Candidate.Id || expected[i].Score != actual[i].Score || !Nullable.Equals(expected[i].DistanceMiles, actual[i].DistanceMiles))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed record FullPassResult(
    Scenario Scenario,
    int People,
    int Opportunities,
    int ListSize,
    TimeSpan IndexBuild,
    TimeSpan Indexed,
    TimeSpan BruteForce,
    int Differences,
    long Matches,
    long IndexBytes,
    double AllocatedBytesPerPerson,
    long PeakWorkingSetBytes)
{
    public double Speedup => BruteForce / Indexed;
}
