using Azure;

namespace CareersPipeline.Core.Storage;

/// <summary>A record with the ETag it was read at, for optimistic concurrency.</summary>
public sealed record Versioned<T>(T Value, ETag ETag);
