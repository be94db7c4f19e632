namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// One data row of a GIAS file and what became of it: <paramref name="Outcome"/> "Added", "Updated" or "Refused",
/// with the reasons by column when refused. <paramref name="Line"/> is the row's line in the file (the header is 1).
/// </summary>
public sealed record SchoolImportRow(int Line, string? Urn, string? Name, string Outcome, IReadOnlyDictionary<string, string[]>? Errors);
