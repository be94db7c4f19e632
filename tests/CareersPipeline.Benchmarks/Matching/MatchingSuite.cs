using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CareersPipeline.Benchmarks.Matching;

/// <summary>
/// scripts/bench matching [--people N] [--skip-bdn]: the matching targets of the matching issue. Top ten for one
/// person among 20,000 open opportunities (BenchmarkDotNet, median, target 50 µs), and the full pass of 100,000 people
/// against 20,000 opportunities (at least 100 times faster than brute force, identical results, peak memory).
/// Writes benchmarks/results/matching.md.
/// </summary>
internal sealed class MatchingSuite : IBenchmarkSuite
{
    public const int Seed = 20261201;
    public const int Opportunities = 20_000;
    private const double MedianTargetMicroseconds = 50;
    private const double SpeedupTarget = 100;

    public string Name => "matching";

    public string Description => "top ten for one person (median <= 50 us) and the full pass vs brute force (>= 100x); --people N, --skip-bdn";

    public Task<int> RunAsync(string[] args, string resultsDirectory)
    {
        var people = 100_000;
        var runBdn = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--people" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out people) && people > 0:
                    i++;
                    break;
                case "--skip-bdn":
                    runBdn = false;
                    break;
                default:
                    Console.Error.WriteLine($"error: unknown or incomplete option '{args[i]}'. Options: --people N (a positive number), --skip-bdn");
                    return Task.FromResult(2);
            }
        }

        Summary? summary = null;
        if (runBdn)
        {
            // In process: nothing to generate and build, so it runs the same offline and in CI images.
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
                .WithArtifactsPath(Path.Combine(resultsDirectory, "..", "..", "artifacts", "benchmarks"));
            summary = BenchmarkRunner.Run<TopMatchesBenchmark>(config);
        }

        var passes = new List<FullPassResult>();
        foreach (var scenario in new[] { Scenario.England, Scenario.Region })
        {
            Console.WriteLine($"Full pass, {scenario}: {people:N0} people x {Opportunities:N0} opportunities (the brute force takes minutes)...");
            passes.Add(FullPass.Run(scenario, people, Opportunities, listSize: 10));
            Console.WriteLine($"  indexed {passes[^1].Indexed.TotalSeconds:0.00} s, brute force {passes[^1].BruteForce.TotalSeconds:0.0} s, {passes[^1].Speedup:0}x, {passes[^1].Differences} differences");
        }

        var path = Path.Combine(resultsDirectory, "matching.md");
        File.WriteAllText(path, Report(summary, passes));
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        return Task.FromResult(0);
    }

    private static string Report(Summary? summary, IReadOnlyList<FullPassResult> passes)
    {
        var md = new StringBuilder();
        md.AppendLine("# Matching benchmark").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Run {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC with `scripts/bench matching` on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.")
            .AppendLine("Data (`tests/CareersPipeline.Benchmarks/Matching/EnglandData.cs`, fixed seed): 20,000 open opportunities and the people around English towns in")
            .AppendLine("proportion to their population (**England**), or all within 30 miles of Stoke-on-Trent, the national import's default area (**Region**).")
            .AppendLine("Kinds, families, levels, requirements, routes, qualifications and travel distances are mixed as in the demo data.").AppendLine()
            .AppendLine("| target | goal | England | Region | result |").AppendLine("| --- | --- | --- | --- | --- |");

        var medians = new[] { Scenario.England, Scenario.Region }.Select(s => Median(summary, s)).ToList();
        var medianPass = medians.All(m => m is not null && m <= MedianTargetMicroseconds);
        md.AppendLine(CultureInfo.InvariantCulture, $"| top ten for one person among 20,000 open opportunities | median <= {MedianTargetMicroseconds} µs | {Format(medians[0])} | {Format(medians[1])} | {(summary is null ? "not run" : medianPass ? "PASS" : "MISS")} |");
        var england = passes.First(p => p.Scenario == Scenario.England);
        var region = passes.First(p => p.Scenario == Scenario.Region);
        var speedupPass = passes.All(p => p.Speedup >= SpeedupTarget);
        md.AppendLine(CultureInfo.InvariantCulture, $"| full pass, {england.People:N0} people x {england.Opportunities:N0} opportunities, vs brute force in the same run | >= {SpeedupTarget}x | {england.Speedup:0}x | {region.Speedup:0}x | {(speedupPass ? "PASS" : "MISS")} |");
        var identical = passes.All(p => p.Differences == 0);
        md.AppendLine(CultureInfo.InvariantCulture, $"| same results as brute force | every person's list identical | {england.Differences} differing | {region.Differences} differing | {(identical ? "PASS" : "MISS")} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| peak memory | reported | {Mb(england.PeakWorkingSetBytes)} | {Mb(region.PeakWorkingSetBytes)} | reported |").AppendLine();

        md.AppendLine("## Full pass").AppendLine()
            .AppendLine("| scenario | people | matches kept | index built | indexed pass | per person | brute force | per person | speedup | differing lists | index size | allocated per person | peak working set |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var p in passes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Scenario} | {p.People:N0} | {p.Matches:N0} | {p.IndexBuild.TotalMilliseconds:0} ms | {p.Indexed.TotalSeconds:0.00} s | {p.Indexed.TotalMicroseconds / p.People:0.0} µs | {p.BruteForce.TotalSeconds:0.0} s | {p.BruteForce.TotalMicroseconds / p.People:0} µs | {p.Speedup:0}x | {p.Differences} | {Mb(p.IndexBytes)} | {p.AllocatedBytesPerPerson:0} B | {Mb(p.PeakWorkingSetBytes)} |");
        }

        md.AppendLine().AppendLine("Both scorers take the people 10,000 at a time, each timed on its own, and their lists are compared before the next 10,000; like the real pass, nothing keeps all 100,000 lists. Peak working set is the whole benchmark process (both scorers' data, the 100,000 profiles, BenchmarkDotNet when it ran first).").AppendLine();
        if (summary is not null)
        {
            var log = new BenchmarkDotNet.Loggers.AccumulationLogger();
            BenchmarkDotNet.Exporters.MarkdownExporter.GitHub.ExportToLog(summary, log);
            md.AppendLine("## One person's top ten (BenchmarkDotNet)").AppendLine().AppendLine(log.GetLog());
        }

        md.AppendLine().AppendLine("Rerun: `scripts/bench matching` (about a quarter of an hour: the brute force is the slow part); `--people 20000` for a quicker look, `--skip-bdn` to run only the full pass.");
        return md.ToString();
    }

    private static double? Median(Summary? summary, Scenario scenario) =>
        summary?.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TopMatchesBenchmark.TopTen)
            && r.BenchmarkCase.Parameters["Data"] is Scenario s && s == scenario)?.ResultStatistics?.Median / 1000;

    private static string Format(double? microseconds) => microseconds is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.0} µs") : "not run";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0} MB");
}
