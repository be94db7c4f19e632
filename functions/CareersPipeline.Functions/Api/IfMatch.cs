using Azure;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Optimistic concurrency on the API: reads send the record's version as ETag, and a change may name the version it was
/// made to with If-Match. The ETag is storage's own (Table Storage), passed through as it is.
/// </summary>
public static class IfMatch
{
    /// <summary>The version If-Match names; null when absent or "*" (any version will do).</summary>
    public static ETag? Of(HttpRequest request) =>
        request.Headers.IfMatch.ToString().Trim() is { Length: > 0 } value && value != "*" ? new ETag(value) : null;

    /// <summary>428: an edit of the content must say which version it was made to, so two people cannot overwrite each other.</summary>
    public static IResult Required() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "Say which version you changed",
            detail: "Send If-Match with the ETag you read (GET), so a change made by someone else since is not overwritten.");
}
