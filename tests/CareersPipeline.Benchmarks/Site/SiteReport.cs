using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Benchmarks.Site;

/// <summary>The results of one run against the targets, written to benchmarks/results/site.md.</summary>
internal sealed class SiteReport(int opportunities)
{
    public const int Changes = 20;
    private const double MsPerPageTarget = 2;
    private const double RepublishTarget = 100;
    private const int WeightTarget = 50 * 1024;

    public (int Pages, TimeSpan Elapsed) RenderOnly { get; set; }

    public SitePublishReport ColdBuild { get; set; } = null!;

    public SitePublishReport WarmBuild { get; set; } = null!;

    public List<Republish> Republishes { get; } = [];

    public (int Files, TimeSpan Elapsed) HeadCheck { get; set; }

    public PageWeight Weight { get; set; } = null!;

    public IReadOnlyList<(string Name, double MeanMs, double AllocatedKb)> Micro { get; set; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var pages = ColdBuild.Rendered;
        var cold = ColdBuild.Elapsed.TotalMilliseconds / pages;
        var warm = WarmBuild.Elapsed.TotalMilliseconds / WarmBuild.Rendered;
        var render = RenderOnly.Elapsed.TotalMilliseconds / RenderOnly.Pages;
        var times = Republishes.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        var median = times[times.Count / 2];
        var p95 = times[(int)Math.Ceiling(times.Count * 0.95) - 1];
        var onlyChanged = Republishes.All(r => r.BlobsWritten == r.Uploaded);

        md.AppendLine("# Static site benchmark").AppendLine()
            .AppendLine($"Run {DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()):yyyy-MM-dd HH:mm} UTC with {opportunities:N0} live opportunities (all three kinds, every career family) and the demo reference data, against a real Azurite (in memory, loopback).")
            .AppendLine().AppendLine("## Targets").AppendLine()
            .AppendLine("| target | measured | result |").AppendLine("| --- | --- | --- |")
            .AppendLine(Row($"full build, all pages: <= {MsPerPageTarget} ms a page", $"{cold.ToString("0.00", CultureInfo.InvariantCulture)} ms a page ({pages:N0} pages, {ColdBuild.Elapsed.TotalSeconds:0.0} s into an empty $web, {ColdBuild.Uploaded.Count:N0} blobs uploaded, search index built)", cold <= MsPerPageTarget))
            .AppendLine(Row($"republish after one opportunity changes: <= {RepublishTarget} ms", $"median {median:0} ms, 95th percentile {p95:0} ms, worst {times[^1]:0} ms over {times.Count} edits", p95 <= RepublishTarget))
            .AppendLine(Row("only the changed blobs uploaded", $"{Republishes.Average(r => r.Uploaded):0.0} blobs uploaded per edit on average (of {Republishes.Average(r => r.Rendered):0.0} pages rendered); blobs whose ETag changed in $web equal the uploads in {Republishes.Count(r => r.BlobsWritten == r.Uploaded)} of {Republishes.Count} edits", onlyChanged))
            .AppendLine(Row($"opportunity page with its CSS and JavaScript: <= 50 KB compressed", $"{Kb(Weight.Gzip)} gzip, {Kb(Weight.Brotli)} brotli", Weight.Gzip <= WeightTarget && Weight.Brotli <= WeightTarget))
            .AppendLine().AppendLine("## Full build").AppendLine()
            .AppendLine("| run | time | per page | uploaded | deleted |").AppendLine("| --- | --- | --- | --- | --- |")
            .AppendLine($"| into an empty $web (every blob uploaded, Pagefind index built) | {ColdBuild.Elapsed.TotalSeconds:0.0} s | {cold:0.00} ms | {ColdBuild.Uploaded.Count:N0} | {ColdBuild.Deleted.Count} |")
            .AppendLine($"| again, nothing changed (listing $web, rendering, hashing, Pagefind) | {WarmBuild.Elapsed.TotalSeconds:0.0} s | {warm:0.00} ms | {WarmBuild.Uploaded.Count:N0} | {WarmBuild.Deleted.Count} |")
            .AppendLine($"| templates and hashing alone, in memory (best of 3) | {RenderOnly.Elapsed.TotalSeconds:0.0} s | {render:0.000} ms | | |")
            .AppendLine().AppendLine("Rendering uses Razor components through `HtmlRenderer` (decision in docs/site.md); at the rate above it is a small part of the build, most of which is Azurite receiving the uploads and Pagefind indexing.")
            .AppendLine().AppendLine("## Republish after one change").AppendLine()
            .AppendLine("Each edit changes an opportunity's title in the table, then times `SiteIncrementalPublish.OpportunityChangedAsync` (read it, plan, render, compare hashes with the site index, upload, save the index). $web is listed before and after, outside the timing, to count the blobs actually written.").AppendLine()
            .AppendLine("| edit | time | pages rendered | uploaded | blobs written in $web |").AppendLine("| --- | --- | --- | --- | --- |");
        for (var i = 0; i < Republishes.Count; i++)
        {
            var r = Republishes[i];
            md.AppendLine($"| {i + 1} | {r.Elapsed.TotalMilliseconds:0} ms | {r.Rendered} | {r.Uploaded} | {r.BlobsWritten} |");
        }

        md.AppendLine().AppendLine($"Knowing what changed: the site index (in memory, checked with one conditional GET) answers with no request per file. Asking storage for the Content-MD5 of the {HeadCheck.Files} uploaded files of the last edit instead took {HeadCheck.Elapsed.TotalMilliseconds:0} ms on its own, so the index is kept (docs/site.md).")
            .AppendLine().AppendLine("## Page weight").AppendLine()
            .AppendLine("| file | bytes | gzip | brotli |").AppendLine("| --- | --- | --- | --- |");
        foreach (var (name, raw, gzip, brotli) in Weight.Files)
        {
            md.AppendLine($"| {name} | {raw:N0} | {gzip:N0} | {brotli:N0} |");
        }

        md.AppendLine($"| total | {Weight.Files.Sum(f => f.Raw):N0} | {Weight.Gzip:N0} | {Weight.Brotli:N0} |")
            .AppendLine().AppendLine("## Micro-benchmarks (BenchmarkDotNet, ShortRun, in process)").AppendLine()
            .AppendLine("| benchmark | mean | allocated |").AppendLine("| --- | --- | --- |");
        foreach (var (name, mean, allocated) in Micro)
        {
            md.AppendLine($"| {name} | {mean:0.000} ms | {allocated:0} KB |");
        }

        md.AppendLine().AppendLine("## Machine").AppendLine()
            .AppendLine($"- {Environment.ProcessorCount} cores ({CpuModel()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, {RuntimeInformation.OSDescription}")
            .AppendLine($"- {RuntimeInformation.FrameworkDescription}, Release build, workstation GC")
            .AppendLine().AppendLine("## Rerun").AppendLine()
            .AppendLine("```sh").AppendLine("scripts/bench site                       # 10,000 opportunities").AppendLine("scripts/bench site --opportunities 2000  # a quicker run").AppendLine("```")
            .AppendLine().AppendLine("It needs `npm ci` to have run (scripts/test and scripts/run do): it starts the pinned Azurite itself and uses Pagefind from node_modules.");
        return md.ToString();
    }

    private static string Row(string target, string measured, bool pass) => $"| {target} | {measured} | {(pass ? "PASS" : "MISS")} |";

    private static string Kb(int bytes) => $"{bytes / 1024.0:0.0} KB";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : RuntimeInformation.ProcessArchitecture.ToString();
}
