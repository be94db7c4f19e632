namespace CareersPipeline.Core;

/// <summary>
/// The outcome of an operation that can fail in the usual ways. The HTTP layer maps each case to a status code and
/// problem details in one place, so every feature answers the same failure the same way.
/// </summary>
public abstract record Result<T>
{
    private Result()
    {
    }

    public sealed record Ok(T Value) : Result<T>;

    /// <summary>Answers that need correcting, by field (the JSON path, camelCase).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Result<T>;

    /// <summary>Not there, or not the caller's to see: the two are not told apart, so ids of other people's records do not leak.</summary>
    public sealed record NotFound(string Detail) : Result<T>;

    /// <summary>The caller may see it but not do this, or named an organisation they do not act for.</summary>
    public sealed record Forbidden(string Reason) : Result<T>;

    /// <summary>An illegal move, not enough left, or a concurrent change.</summary>
    public sealed record Conflict(string Reason) : Result<T>;

    /// <summary>
    /// The caller changed a version of the record that is no longer the latest (an ETag they carried, If-Match or a form's
    /// hidden field): someone else saved in between, and nothing was overwritten.
    /// </summary>
    public sealed record Stale(string Reason) : Result<T>;

    /// <summary>The same outcome with the value, when there is one, turned into <typeparamref name="TOut"/>.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => this switch
    {
        Ok ok => new Result<TOut>.Ok(map(ok.Value)),
        Invalid invalid => new Result<TOut>.Invalid(invalid.Errors),
        NotFound notFound => new Result<TOut>.NotFound(notFound.Detail),
        Forbidden forbidden => new Result<TOut>.Forbidden(forbidden.Reason),
        Conflict conflict => new Result<TOut>.Conflict(conflict.Reason),
        Stale stale => new Result<TOut>.Stale(stale.Reason),
        _ => throw new InvalidOperationException($"Unknown result {GetType().Name}."),
    };
}
