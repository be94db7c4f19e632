using System.Text.Json;
using CareersPipeline.Core;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so that a malformed body or a value of the
/// wrong type becomes a precise 400 problem naming the field, not a generic binding failure.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "Send the body as JSON with Content-Type: application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonDefaults.Options, cancellationToken);
            return value is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty body", detail: "The request body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            // The path and position only: the message could quote what was sent.
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.TrimStart('$', '.');
            return (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"This is not valid JSON, or a value has the wrong type (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})."] },
                title: "The request body could not be read"));
        }
    }
}
