using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// How the <see cref="SiteIndex"/> is cut into blobs so that a change rewrites a small part of it: an opportunity's
/// summary and the hash of its page go to one of <see cref="OpportunityShards"/> shards chosen by the
/// <see cref="StableHash"/> of its id; the hashes of every other page and the sitemap go to the last shard. An edit to
/// one opportunity changes its shard and, when a list page or sitemap part changed, the last one.
/// </summary>
public static class SiteIndexShards
{
    public const int OpportunityShards = 32;
    public const int Count = OpportunityShards + 1;

    internal static SiteIndexShard[] Split(SiteIndex index) => Update(null, index);

    /// <summary>
    /// The shards of <paramref name="index"/>, keeping those of <paramref name="previous"/> in which no entry changed.
    /// A publish changes a handful of entries of 20,000, so finding them by lookup and rebuilding only their shards
    /// spares building (and the garbage collector promoting) 33 new dictionaries on every change.
    /// </summary>
    internal static SiteIndexShard[] Update((SiteIndex Index, IReadOnlyList<SiteIndexShard> Shards)? previous, SiteIndex index)
    {
        var dirty = new bool[Count];
        if (previous is { } before && before.Shards.Count == Count)
        {
            foreach (var (id, summary) in index.Opportunities)
            {
                if (!before.Index.Opportunities.TryGetValue(id, out var was) || !(ReferenceEquals(was, summary) || was.Equals(summary)))
                {
                    dirty[Of(id)] = true;
                }
            }

            foreach (var id in before.Index.Opportunities.Keys)
            {
                if (!index.Opportunities.ContainsKey(id))
                {
                    dirty[Of(id)] = true;
                }
            }

            foreach (var (path, hash) in index.Hashes)
            {
                if (!before.Index.Hashes.TryGetValue(path, out var was) || was != hash)
                {
                    dirty[OfPath(path)] = true;
                }
            }

            foreach (var path in before.Index.Hashes.Keys)
            {
                if (!index.Hashes.ContainsKey(path))
                {
                    dirty[OfPath(path)] = true;
                }
            }
        }
        else
        {
            Array.Fill(dirty, true);
        }

        var opportunities = new Dictionary<string, OpportunitySummary>?[Count];
        var hashes = new Dictionary<string, string>?[Count];
        for (var i = 0; i < Count; i++)
        {
            if (dirty[i])
            {
                opportunities[i] = new Dictionary<string, OpportunitySummary>(StringComparer.Ordinal);
                hashes[i] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }

        foreach (var (id, summary) in index.Opportunities)
        {
            opportunities[Of(id)]?.Add(id, summary);
        }

        foreach (var (path, hash) in index.Hashes)
        {
            hashes[OfPath(path)]?.Add(path, hash);
        }

        return [.. Enumerable.Range(0, Count).Select(i => dirty[i] ? new SiteIndexShard(opportunities[i]!, hashes[i]!) : previous!.Value.Shards[i])];
    }

    internal static SiteIndex Join(SiteIndexManifest manifest, IReadOnlyList<SiteIndexShard> shards)
    {
        var opportunities = new Dictionary<string, OpportunitySummary>(shards.Sum(s => s.Opportunities.Count), StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(shards.Sum(s => s.Hashes.Count), StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var (id, summary) in shard.Opportunities)
            {
                opportunities[id] = summary;
            }

            foreach (var (path, hash) in shard.Hashes)
            {
                hashes[path] = hash;
            }
        }

        return new SiteIndex(manifest.RendererVersion, opportunities, hashes, manifest.SearchStale, manifest.BuiltAt);
    }

    public static int Of(string opportunityId) => (int)(StableHash.Of(opportunityId) % OpportunityShards);

    /// <summary>An opportunity's page goes with its summary; every other file to the last shard.</summary>
    public static int OfPath(string path) => SitePlan.OpportunityId(path) is { } id ? Of(id) : OpportunityShards;

    /// <summary>Gzipped JSON, the fastest level: a shard is written whenever one of its entries changes.</summary>
    internal static byte[] Serialize(SiteIndexShard shard)
    {
        using var content = new MemoryStream();
        using (var gzip = new GZipStream(content, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, shard, SiteIndexJson.Default.SiteIndexShard);
        }

        return content.ToArray();
    }

    internal static async Task<SiteIndexShard> DeserializeAsync(Stream gzipped, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(gzipped, CompressionMode.Decompress);
        return await JsonSerializer.DeserializeAsync(gzip, SiteIndexJson.Default.SiteIndexShard, cancellationToken)
            ?? throw new InvalidOperationException("A site index shard is empty.");
    }
}

/// <summary>One part of the site index. Shards are immutable blobs named by their content.</summary>
internal sealed record SiteIndexShard(IReadOnlyDictionary<string, OpportunitySummary> Opportunities, IReadOnlyDictionary<string, string> Hashes);

/// <summary>The small blob that names the shards of the current index; saving it, conditional on its ETag, is the commit.</summary>
internal sealed record SiteIndexManifest(string RendererVersion, bool SearchStale, DateTimeOffset BuiltAt, IReadOnlyList<string> Shards);

/// <summary>The index's JSON, source-generated: shards are written on every change, so reflection's cost shows (the shape is JsonDefaults').</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SiteIndexShard))]
[JsonSerializable(typeof(SiteIndexManifest))]
internal sealed partial class SiteIndexJson : JsonSerializerContext;
