using System.Text.Json.Serialization;
using Refit;

namespace CareersPipeline.Core.Places;

/// <summary>
/// The part of postcodes.io the pipeline uses. Base URL is the POSTCODES_BASE_URL setting.
/// The bulk endpoint is used even for one postcode: it carries postcodes in the body, so they never appear in
/// URLs, and URLs end up in HTTP logs and traces.
/// </summary>
public interface IPostcodesApi
{
    [Post("/postcodes")]
    Task<IApiResponse<BulkPostcodeResponse>> LookupAsync([Body] BulkPostcodeRequest request, CancellationToken cancellationToken);
}

public sealed record BulkPostcodeRequest(IReadOnlyList<string> Postcodes);

public sealed record BulkPostcodeResponse(int Status, IReadOnlyList<BulkPostcodeItem>? Result);

public sealed record BulkPostcodeItem(string Query, PostcodeResult? Result);

public sealed record PostcodeResult(
    string Postcode,
    double? Latitude,
    double? Longitude,
    string? Region,
    [property: JsonPropertyName("admin_district")] string? AdminDistrict,
    PostcodeCodes? Codes);

public sealed record PostcodeCodes([property: JsonPropertyName("icb")] string? Icb);
