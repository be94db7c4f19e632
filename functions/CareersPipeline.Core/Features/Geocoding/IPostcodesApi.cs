using System.Text.Json.Serialization;
using Refit;

namespace CareersPipeline.Core.Features.Geocoding;

/// <summary>The part of postcodes.io the pipeline uses. Base URL is the POSTCODES_BASE_URL setting.</summary>
public interface IPostcodesApi
{
    [Get("/postcodes/{postcode}")]
    Task<IApiResponse<PostcodeEnvelope>> LookupAsync(string postcode, CancellationToken cancellationToken);
}

public sealed record PostcodeEnvelope(int Status, PostcodeResult? Result, string? Error);

public sealed record PostcodeResult(
    string Postcode,
    double? Latitude,
    double? Longitude,
    string? Region,
    [property: JsonPropertyName("admin_district")] string? AdminDistrict,
    string? Icb,
    PostcodeCodes? Codes);

public sealed record PostcodeCodes([property: JsonPropertyName("icb")] string? Icb);
