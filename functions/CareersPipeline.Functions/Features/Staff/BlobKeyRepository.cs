using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// The Data Protection key ring in a private blob container of the app's storage account, one blob per key, so every
/// instance of the app (and every restart) protects and unprotects with the same keys: a form rendered by one instance
/// passes its antiforgery check on another, and a sign-in cookie survives a scale-out. IXmlRepository is synchronous
/// by design (Data Protection reads the ring rarely, and caches it), so this uses the blob client's synchronous calls.
/// </summary>
internal sealed partial class BlobKeyRepository(BlobServiceClient blobs) : IXmlRepository
{
    private const string Folder = "keys/";

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.DataProtection);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        try
        {
            foreach (var item in _container.GetBlobs(new GetBlobsOptions { Prefix = Folder }))
            {
                using var stream = _container.GetBlobClient(item.Name).OpenRead();
                elements.Add(XElement.Load(stream));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No key yet: Data Protection makes one and stores it (StoreElement creates the container).
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _container.CreateIfNotExists(PublicAccessType.None);
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        // A key's name is "key-<guid>", unique: never overwrite one already stored (another instance's is the same key).
        var name = $"{Folder}{(SafeName().IsMatch(friendlyName) ? friendlyName : Guid.NewGuid().ToString("N"))}.xml";
        try
        {
            _container.GetBlobClient(name).Upload(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            });
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
        {
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial Regex SafeName();
}
