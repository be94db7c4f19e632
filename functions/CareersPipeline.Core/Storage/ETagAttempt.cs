namespace CareersPipeline.Core.Storage;

/// <summary>One try at a read-change-write for <see cref="ETagRetry"/>: done (with its outcome), or lost to another writer.</summary>
public readonly record struct ETagAttempt<T>(bool IsLost, T Value);

/// <summary>The two ways an <see cref="ETagAttempt{T}"/> ends.</summary>
public static class ETagAttempt
{
    /// <summary>Written, or nothing needed writing: <paramref name="value"/> is the outcome.</summary>
    public static ETagAttempt<T> Done<T>(T value) => new(false, value);

    /// <summary>Another writer changed the row since it was read: read again and re-apply.</summary>
    public static ETagAttempt<T> Lost<T>() => new(true, default!);
}
