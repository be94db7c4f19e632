using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>One page of audit entries, and the token for the next one (null on the last page).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Continuation);
