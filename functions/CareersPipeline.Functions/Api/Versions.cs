using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Optimistic concurrency over HTTP, one way for every editable record: a read answers the record's version in
/// <c>ETag</c> (and as "version" in the body, for a form to carry); a change must send it back in <c>If-Match</c>.
/// No If-Match is 428 (a client that forgot would otherwise overwrite silently); an old one is 412.
/// </summary>
public static class Versions
{
    /// <summary>The If-Match version, or the 428 problem to answer when there is none.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out ETag version, out IResult? problem)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            version = default;
            problem = TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Version required",
                detail: "Send the version you read (its ETag) in If-Match, so that a change made by someone else since is not overwritten.");
            return false;
        }

        version = new ETag(value);
        problem = null;
        return true;
    }

    /// <summary>The result as HTTP, with the version in <c>ETag</c> when there is a record.</summary>
    public static IResult ToVersionedHttp<T, TView>(this Result<Versioned<T>> result, HttpContext context, Func<T, string, TView> view, Func<T, string>? createdAt = null)
    {
        if (result is Result<Versioned<T>>.Ok ok)
        {
            context.Response.Headers.ETag = ok.Value.ETag.ToString();
        }

        return result.Map(v => view(v.Value, v.ETag.ToString())).ToHttp(createdAt is null ? null : _ => createdAt(((Result<Versioned<T>>.Ok)result).Value.Value));
    }
}
