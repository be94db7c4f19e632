using CareersPipeline.Core;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// The one mapping from <see cref="Result{T}"/> to HTTP: the value as 200 (or 201 with its Location), and every
/// failure as RFC 7807 problem details with the same status and title wherever it comes from.
/// </summary>
public static class ResultResponses
{
    public const string InvalidTitle = "Some answers need correcting";

    public const string StaleTitle = "Changed by someone else";

    /// <param name="result">The core's outcome.</param>
    /// <param name="createdAt">For a create: the new resource's path, sent as Location with a 201.</param>
    /// <param name="invalidTitle">The validation problem's title, when the form has its own.</param>
    public static IResult ToHttp<T>(this Result<T> result, Func<T, string>? createdAt = null, string invalidTitle = InvalidTitle) => result switch
    {
        Result<T>.Ok ok when createdAt is not null => TypedResults.Created(createdAt(ok.Value), ok.Value),
        Result<T>.Ok ok => TypedResults.Ok(ok.Value),
        Result<T>.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: invalidTitle),
        Result<T>.NotFound notFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: notFound.Detail),
        Result<T>.Forbidden forbidden => Forbidden(forbidden.Reason),
        Result<T>.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: conflict.Reason),
        Result<T>.Stale stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: StaleTitle, detail: stale.Reason),
        _ => throw new InvalidOperationException($"Unknown result {result.GetType().Name}."),
    };

    /// <summary>A versioned record: its value, with its version as the ETag header (what If-Match must carry back).</summary>
    public static IResult ToHttp<T>(this Result<Core.Storage.Versioned<T>> result, HttpContext context)
    {
        if (result is Result<Core.Storage.Versioned<T>>.Ok ok)
        {
            context.Response.Headers.ETag = ok.Value.ETag.ToString();
        }

        return result.Map(v => v.Value).ToHttp();
    }

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
