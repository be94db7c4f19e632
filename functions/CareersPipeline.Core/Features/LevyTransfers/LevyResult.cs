namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>The outcome of a staff action on a pledge or application; the HTTP layer maps each case to a status code.</summary>
public abstract record LevyResult<T>
{
    private LevyResult()
    {
    }

    public sealed record Ok(T Value) : LevyResult<T>;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : LevyResult<T>;

    /// <summary>Not there, or not the caller's to see: the two are not told apart, so other employers' ids do not leak.</summary>
    public sealed record NotFound(string Detail) : LevyResult<T>;

    /// <summary>The caller may see it but not do this (the other party's move), or named an employer they do not act for.</summary>
    public sealed record Forbidden(string Reason) : LevyResult<T>;

    /// <summary>An illegal move, not enough money left, or a concurrent change.</summary>
    public sealed record Conflict(string Reason) : LevyResult<T>;
}

public static class LevyMessages
{
    public const string PledgeNotFound = "There is no pledge with that id that you can see.";
    public const string ApplicationNotFound = "There is no application with that id that you can see.";
}
