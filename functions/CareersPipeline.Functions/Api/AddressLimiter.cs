using System.Threading.RateLimiting;

namespace CareersPipeline.Functions.Api;

/// <summary>Sign-ups per email address (lower-cased) in a fixed window: at most a handful of emails to one inbox.</summary>
public sealed class AddressLimiter(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    public bool TryAcquire(string? email, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(email))
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(email.Trim().ToLowerInvariant());
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
