namespace CareersPipeline.Functions.Features.Administration;

/// <summary>How many poisoned messages went back to <paramref name="Queue"/>.</summary>
public sealed record RequeueResponse(string Queue, int Requeued);
