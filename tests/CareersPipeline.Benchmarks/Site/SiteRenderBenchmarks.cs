using BenchmarkDotNet.Attributes;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Benchmarks.Site;

/// <summary>One page of each kind the full build renders most of, and the change-to-pages plan over 10,000 opportunities.</summary>
[MemoryDiagnoser]
public class SiteRenderBenchmarks : IDisposable
{
    private static readonly SiteLinks Links = new(string.Empty, "http://localhost:7071");
    private RazorSiteRenderer _renderer = null!;
    private OpportunityDetailPage _opportunity = null!;
    private OpportunityListPage _list = null!;
    private Dictionary<string, OpportunitySummary> _summaries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new RazorSiteRenderer(Options.Create(new SiteOptions()));
        var today = new DateOnly(2026, 12, 1);
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var opportunities = Enumerable.Range(1, 10_000).Select(n => SiteBenchData.Opportunity(n, today, now)).ToList();
        _summaries = opportunities.ToDictionary(o => o.Id, OpportunitySummary.From, StringComparer.Ordinal);
        _opportunity = SiteRendering.PageOf(opportunities[0]);
        _list = SitePlan.ListPages(_summaries.Values).First();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _renderer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task<string> OpportunityPage() => _renderer.RenderAsync(_opportunity, Links, CancellationToken.None);

    [Benchmark]
    public Task<string> ListPage() => _renderer.RenderAsync(_list, Links, CancellationToken.None);

    [Benchmark]
    public ListChanges PlanOneEdit()
    {
        var previous = _summaries["o000000000000000000001388"];
        return SitePlan.AffectedLists(_summaries, previous, previous with { Title = "Edited" });
    }
}
