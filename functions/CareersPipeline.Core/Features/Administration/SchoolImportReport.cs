namespace CareersPipeline.Core.Features.Administration;

/// <summary>The import's report. <see cref="FileProblem"/> is set when the file as a whole was refused and nothing was imported.</summary>
public sealed record SchoolImportReport(string? FileProblem, IReadOnlyList<SchoolImportRow> Rows)
{
    public int Added => Rows.Count(r => r.Outcome == SchoolImport.Added);

    public int Updated => Rows.Count(r => r.Outcome == SchoolImport.Updated);

    public int Refused => Rows.Count(r => r.Outcome == SchoolImport.Refused);

    public static SchoolImportReport FileError(string problem) => new(problem, []);
}
