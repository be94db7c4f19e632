using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Keeps the <see cref="SiteIndex"/> in the site-state container as gzipped JSON. Writes are conditional on the
/// ETag read, so two instances publishing at once cannot lose each other's changes. The last index read stays in
/// memory and is downloaded again only when the blob has changed (a conditional GET that usually answers 304).
/// </summary>
public sealed class SiteIndexStore(BlobServiceClient blobs)
{
    public const string BlobName = "index.json.gz";

    private readonly BlobClient _blob = blobs.GetBlobContainerClient(StorageNames.Containers.SiteState).GetBlobClient(BlobName);
    private Versioned<SiteIndex>? _cached;

    public async Task<Versioned<SiteIndex>?> LoadAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        try
        {
            var conditions = cached is null ? null : new BlobRequestConditions { IfNoneMatch = cached.ETag };
            var response = await _blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            if (response.GetRawResponse().Status == 304 && cached is not null)
            {
                return cached;
            }

            await using var gzip = new GZipStream(response.Value.Content.ToStream(), CompressionMode.Decompress);
            var index = await JsonSerializer.DeserializeAsync(gzip, SiteIndexJson.Default.SiteIndex, cancellationToken)
                ?? throw new InvalidOperationException("The site index is empty.");
            return _cached = new Versioned<SiteIndex>(index, response.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 304 && cached is not null)
        {
            return cached;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _cached = null;
            return null;
        }
    }

    /// <summary>Saves the index if nobody else has since <paramref name="expected"/> (null: only if there is none yet).</summary>
    public Task<bool> TrySaveAsync(SiteIndex index, ETag? expected, CancellationToken cancellationToken) =>
        TrySaveAsync(index, Serialize(index), expected, cancellationToken);

    /// <summary>As above, with the index already serialized (the publisher does that while its uploads run).</summary>
    public async Task<bool> TrySaveAsync(SiteIndex index, byte[] serialized, ETag? expected, CancellationToken cancellationToken)
    {
        var conditions = expected is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            var response = await _blob.UploadAsync(BinaryData.FromBytes(serialized), new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentEncoding = "gzip" } }, cancellationToken);
            _cached = new Versioned<SiteIndex>(index, response.Value.ETag);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Gzipped JSON, the fastest level: it is written on every change.</summary>
    public static byte[] Serialize(SiteIndex index)
    {
        using var content = new MemoryStream();
        using (var gzip = new GZipStream(content, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, index, SiteIndexJson.Default.SiteIndex);
        }

        return content.ToArray();
    }
}

/// <summary>The index's JSON, source-generated: it is written on every change, so reflection's cost shows (the shape is JsonDefaults').</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SiteIndex))]
internal sealed partial class SiteIndexJson : JsonSerializerContext;
