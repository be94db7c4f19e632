using System.IO.Compression;
using System.Text;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Benchmarks.Site;

/// <summary>What a phone downloads for one opportunity page: its HTML, the stylesheet and the script, each compressed.</summary>
internal sealed record PageWeight(IReadOnlyList<(string Name, int Raw, int Gzip, int Brotli)> Files)
{
    public int Gzip => Files.Sum(f => f.Gzip);

    public int Brotli => Files.Sum(f => f.Brotli);

    public static async Task<PageWeight> MeasureAsync(IServiceProvider services)
    {
        var rendering = services.GetRequiredService<SiteRendering>();
        var live = (await services.GetRequiredService<OpportunityStore>().QueryAsync("Status eq 'Live'", CancellationToken.None))[0].Value;
        var html = (await rendering.RenderAsync(SiteRendering.PageOf(live), CancellationToken.None)).Content.ToArray();
        List<(string, byte[])> files = [("opportunity page HTML", html), .. rendering.Renderer.Assets.Select(a => (a.Path, a.Content.ToArray()))];
        return new PageWeight([.. files.Select(f => (f.Item1, f.Item2.Length, Compress(f.Item2, s => new GZipStream(s, CompressionLevel.SmallestSize, leaveOpen: true)), Compress(f.Item2, s => new BrotliStream(s, CompressionLevel.SmallestSize, leaveOpen: true))))]);
    }

    private static int Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(content);
        }

        return (int)output.Length;
    }
}
