using System.Runtime.InteropServices;
using System.Text;

namespace CareersPipeline.Benchmarks.StaffWorkspace;

/// <summary>The results of one run against the target, written to benchmarks/results/staff-workspace.md.</summary>
internal sealed class StaffWorkspaceReport(int requests)
{
    private const double TargetMs = 100;

    public static IReadOnlyList<StaffWorkspacePage> Pages { get; } =
    [
        new("employer's home", "/staff", AsEmployer: true),
        new("employer's opportunity list (live shelf)", "/staff/opportunities?shelf=live", AsEmployer: true),
        new("employer's opportunity list (drafts)", "/staff/opportunities?shelf=draft", AsEmployer: true),
        new("admin's staff list", "/staff/admin/staff", AsEmployer: false),
        new("admin's schools list", "/staff/admin/reference?kind=schools", AsEmployer: false),
    ];

    /// <summary>The pages measured before any person was stored.</summary>
    public List<PageTimings> Before { get; } = [];

    /// <summary>The pages measured with <see cref="People"/> people stored.</summary>
    public List<PageTimings> Results { get; } = [];

    public int People { get; set; }

    private static void Table(StringBuilder md, string heading, IReadOnlyList<PageTimings> results)
    {
        md.AppendLine().AppendLine($"## {heading}").AppendLine()
            .AppendLine($"| page | path | median | 95th percentile | worst | page size | under {TargetMs:0} ms at p95 |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            var p95 = r.Percentile(0.95);
            md.AppendLine($"| {r.Page.Name} | `{r.Page.Path}` | {r.Percentile(0.5):0.0} ms | {p95:0.0} ms | {r.Milliseconds.Max():0.0} ms | {r.AverageBytes / 1024.0:0.0} KB | {(p95 <= TargetMs ? "PASS" : "MISS")} |");
        }
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Staff workspace benchmark").AppendLine()
            .AppendLine($"Run {DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()):yyyy-MM-dd HH:mm} UTC with `scripts/bench staff` on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}.")
            .AppendLine($"Data (`tests/CareersPipeline.Benchmarks/StaffWorkspace/StaffWorkspaceData.cs`): {StaffWorkspaceData.Opportunities:N0} opportunities across {StaffWorkspaceData.Employers} employers (50 each: live, draft, closed, archived), {StaffWorkspaceData.Staff:N0} staff, {StaffWorkspaceData.Schools:N0} schools, and {People:N0} people (the target names {StaffWorkspaceData.People:N0}; the run stops adding them after seven minutes, Azurite's limit, not the app's).")
            .AppendLine($"The app runs in process in local mode against Azurite (in memory, loopback); each page is fetched {requests} times over HTTP after 20 unmeasured requests, signed in with `X-Dev-User`, the employer pages as a different employer each time. Times are from sending the request to the last byte of the page. The pages read no person's row; they are measured before the people are stored and again after.");
        Table(md, $"With {People:N0} people", Results);
        Table(md, "Before any person was stored", Before);
        md.AppendLine().AppendLine("What each page reads is in docs/staff-workspace.md (\"Speed\").");
        return md.ToString();
    }
}
