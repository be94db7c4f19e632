namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>Settings every app the tests start shares, in process or as the published executable.</summary>
public static class TestSettings
{
    /// <summary>
    /// Nothing listens on port 9: postcode lookups fail fast and are seen as outages, unless a test points them at a fake
    /// or turns the demo postcodes' offline fallback on.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PostcodesUnreachable { get; } = new Dictionary<string, string?>
    {
        ["POSTCODES_BASE_URL"] = "http://127.0.0.1:9",
        ["POSTCODES_OFFLINE_FALLBACK"] = "false",
        ["Resilience:Postcodes:Retry:MaxRetryAttempts"] = "1",
        ["Resilience:Postcodes:Retry:Delay"] = "00:00:00.010",
        ["Resilience:Postcodes:AttemptTimeout:Timeout"] = "00:00:02",
        ["Resilience:Postcodes:TotalRequestTimeout:Timeout"] = "00:00:05",
        ["Resilience:Postcodes:CircuitBreaker:SamplingDuration"] = "00:00:05",
    };
}
