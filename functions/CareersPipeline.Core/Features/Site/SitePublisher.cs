using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Writes the site to the $web container: uploads files with their content type, cache header and Content-MD5 (which
/// a listing returns, so that callers upload only what differs), and deletes what is no longer generated.
/// </summary>
public sealed class SitePublisher(BlobServiceClient blobs)
{
    /// <summary>Uploads in flight at once: enough to hide storage latency, few enough not to be throttled.</summary>
    public const int Concurrency = 16;

    private readonly BlobContainerClient _web = blobs.GetBlobContainerClient(StorageNames.Containers.Web);
    private int _containerReady;

    /// <summary>Every published blob and its Content-MD5 (base64), from one listing of $web.</summary>
    public async Task<Dictionary<string, string>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in _web.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            published[blob.Name] = blob.Properties.ContentHash is { Length: > 0 } md5 ? Convert.ToBase64String(md5) : string.Empty;
        }

        return published;
    }

    /// <summary>Uploads every file given (callers pass those whose hash differs); returns the paths uploaded.</summary>
    public async Task<IReadOnlyList<string>> UploadAllAsync(IReadOnlyList<SiteFile> files, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        await Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (file, ct) => await UploadAsync(file, ct));
        return [.. files.Select(f => f.Path)];
    }

    public async Task UploadAsync(SiteFile file, CancellationToken cancellationToken)
    {
        var headers = new BlobHttpHeaders
        {
            ContentType = file.ContentType,
            CacheControl = file.CacheControl,
            ContentHash = ContentHash.Bytes(file.Hash),
        };
        await _web.GetBlobClient(file.Path).UploadAsync(BinaryData.FromBytes(file.Content), new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);
    }

    public async Task DeleteAsync(IEnumerable<string> paths, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            paths,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (path, ct) => await _web.DeleteBlobIfExistsAsync(path, cancellationToken: ct));

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 1)
        {
            return;
        }

        try
        {
            // Locally (Azurite) nobody switched the static website on; in Azure the container already exists.
            await _web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 403)
        {
            // Creating containers may be beyond the app's role while writing blobs is not; the uploads will tell.
        }

        Volatile.Write(ref _containerReady, 1);
    }
}
