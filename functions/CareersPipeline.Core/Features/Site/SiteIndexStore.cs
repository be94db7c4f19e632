using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Keeps the <see cref="SiteIndex"/> in the site-state container as a small manifest naming
/// <see cref="SiteIndexShards.Count"/> gzipped JSON shards. Shards are immutable and named by their content, so a
/// save uploads only the shards that changed (usually one or two of a few dozen KB, not the whole index), and saving
/// the manifest, conditional on the ETag read, commits them all at once: two instances publishing together cannot
/// lose each other's changes, and a reader never sees half a change. The last index stays in memory; the manifest is
/// downloaded again only when it has changed (a conditional GET that usually answers 304), and then only the shards
/// whose names changed.
/// </summary>
public sealed class SiteIndexStore(BlobServiceClient blobs, TimeProvider time)
{
    public const string Prefix = "index";
    public const string ManifestName = Prefix + "/manifest.json";
    public const string ShardFolder = Prefix + "/shards/";

    /// <summary>
    /// An unreferenced shard this young may belong to a save that has not committed yet (another instance's); older
    /// ones, and the single-blob index of earlier versions, are swept.
    /// </summary>
    public static readonly TimeSpan SweepAge = TimeSpan.FromHours(1);

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.SiteState);
    private Loaded? _cached;

    public async Task<Versioned<SiteIndex>?> LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryLoadAsync(cancellationToken);
            }
            catch (ShardMissingException) when (attempt < 3)
            {
                // A newer manifest replaced the one read, and its old shards were swept before they were downloaded.
            }
        }
    }

    private async Task<Versioned<SiteIndex>?> TryLoadAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        try
        {
            var conditions = cached is null ? null : new BlobRequestConditions { IfNoneMatch = cached.Index.ETag };
            var response = await _container.GetBlobClient(ManifestName).DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            if (response.GetRawResponse().Status == 304 && cached is not null)
            {
                return cached.Index;
            }

            var manifest = response.Value.Content.ToObjectFromJson(SiteIndexJson.Default.SiteIndexManifest)
                ?? throw new InvalidOperationException("The site index manifest is empty.");
            var shards = new SiteIndexShard[manifest.Shards.Count];
            await Parallel.ForAsync(0, shards.Length, Parallelism(cancellationToken), async (i, ct) =>
            {
                shards[i] = cached is not null && cached.Names.Count == shards.Length && cached.Names[i] == manifest.Shards[i]
                    ? cached.Shards[i]
                    : await DownloadShardAsync(manifest.Shards[i], ct);
            });

            var loaded = new Loaded(new Versioned<SiteIndex>(SiteIndexShards.Join(manifest, shards), response.Value.Details.ETag), manifest.Shards, shards);
            _cached = loaded;
            return loaded.Index;
        }
        catch (RequestFailedException e) when (e.Status == 304 && cached is not null)
        {
            return cached.Index;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _cached = null;
            return null;
        }
    }

    /// <summary>Saves the index if nobody else has since <paramref name="expected"/> (null: only if there is none yet).</summary>
    public async Task<bool> TrySaveAsync(SiteIndex index, ETag? expected, CancellationToken cancellationToken) =>
        await TryCommitAsync(await StageAsync(index, expected, cancellationToken), cancellationToken);

    /// <summary>
    /// Uploads the shards of <paramref name="index"/> that differ from the index read at <paramref name="expected"/>.
    /// Nothing refers to them until <see cref="TryCommitAsync"/>, so the publisher stages while its pages upload.
    /// </summary>
    public async Task<StagedSiteIndex> StageAsync(SiteIndex index, ETag? expected, CancellationToken cancellationToken)
    {
        // Shards are reused by name only from the index this save replaces: any other may have been swept.
        var cached = _cached;
        var basis = cached is not null && expected is { } etag && cached.Index.ETag == etag ? cached : null;
        var shards = SiteIndexShards.Update(basis is null ? null : (basis.Index.Value, basis.Shards), index);
        var names = new string[shards.Length];
        await Parallel.ForAsync(0, shards.Length, Parallelism(cancellationToken), async (i, ct) =>
        {
            // Update hands back the basis's own shard where none of its entries changed.
            if (basis is not null && ReferenceEquals(shards[i], basis.Shards[i]))
            {
                names[i] = basis.Names[i];
                return;
            }

            var content = SiteIndexShards.Serialize(shards[i]);
            names[i] = $"{ShardFolder}{i:D2}-{ContentHash.ForFileName(content)}.json.gz";
            await _container.GetBlobClient(names[i]).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } },
                ct);
        });

        return new StagedSiteIndex(index, expected, names, shards);
    }

    /// <summary>Saves the manifest naming the staged shards, if nobody else has saved since the staged index's basis.</summary>
    public async Task<bool> TryCommitAsync(StagedSiteIndex staged, CancellationToken cancellationToken)
    {
        var manifest = new SiteIndexManifest(staged.Index.RendererVersion, staged.Index.SearchStale, staged.Index.BuiltAt, staged.Names);
        var conditions = staged.Expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            var response = await _container.GetBlobClient(ManifestName).UploadAsync(
                BinaryData.FromObjectAsJson(manifest, SiteIndexJson.Default.SiteIndexManifest),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            _cached = new Loaded(new Versioned<SiteIndex>(staged.Index, response.Value.ETag), staged.Names, staged.Shards);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Deletes the shards that the index this instance last saved or read does not name, once they are older than
    /// <see cref="SweepAge"/>. The full build runs it after saving.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (_cached is not { } cached)
        {
            return 0;
        }

        var keep = cached.Names.Append(ManifestName).ToHashSet(StringComparer.Ordinal);
        var before = time.GetUtcNow() - SweepAge;
        var swept = 0;
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
        {
            if (!keep.Contains(blob.Name) && blob.Properties.LastModified < before
                && (await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken)).Value)
            {
                swept++;
            }
        }

        return swept;
    }

    private async Task<SiteIndexShard> DownloadShardAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return await SiteIndexShards.DeserializeAsync(response.Value.Content.ToStream(), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new ShardMissingException(e);
        }
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = SitePublisher.Concurrency, CancellationToken = cancellationToken };

    private sealed class ShardMissingException(Exception inner) : Exception("A site index shard named by the manifest is gone.", inner);

    private sealed record Loaded(Versioned<SiteIndex> Index, IReadOnlyList<string> Names, IReadOnlyList<SiteIndexShard> Shards);
}

/// <summary>An index whose shards are uploaded and whose manifest is not yet saved.</summary>
public sealed class StagedSiteIndex
{
    internal StagedSiteIndex(SiteIndex index, ETag? expected, IReadOnlyList<string> names, IReadOnlyList<SiteIndexShard> shards)
    {
        Index = index;
        Expected = expected;
        Names = names;
        Shards = shards;
    }

    public SiteIndex Index { get; }

    internal ETag? Expected { get; }

    internal IReadOnlyList<string> Names { get; }

    internal IReadOnlyList<SiteIndexShard> Shards { get; }
}
