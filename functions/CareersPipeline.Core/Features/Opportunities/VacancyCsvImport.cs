using System.Globalization;
using CareersPipeline.Core.Staff;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// Bulk upload of entry-level vacancies as CSV. Every row is checked on its own: a good row becomes a draft, a bad
/// row is reported with each of its problems and applies nothing. The report lists every row.
/// </summary>
public sealed class VacancyCsvImport(OpportunityService opportunities)
{
    public const int MaxRows = 1000;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "title", "summary", "description", "careerFamily", "positions", "postcodes", "wageType", "wageAmount", "wageUnit",
        "hoursPerWeek", "startDate", "closingDate", "minimumAge", "drivingLicence", "qualificationLevel", "disabilityConfident",
        "supportedEntry", "applyUrl", "band", "contractType",
    ];

    private static readonly string[] Required = ["title", "summary", "careerFamily", "postcodes", "wageType", "hoursPerWeek", "closingDate", "contractType"];

    public async Task<CsvImportReport> ImportAsync(StaffPrincipal staff, string employerCode, TextReader csv, CancellationToken cancellationToken)
    {
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
        });

        if (!await reader.ReadAsync() || !reader.ReadHeader())
        {
            return CsvImportReport.FileError("The file is empty: the first line must be the header row.");
        }

        var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = Required.Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
        if (missing.Count > 0)
        {
            return CsvImportReport.FileError($"The header row lacks these columns: {string.Join(", ", missing)}. Expected columns: {string.Join(", ", Columns)}.");
        }

        // Every row is read and counted before any is created: a file over the limit must leave no drafts behind.
        var parsed = new List<(int Line, OpportunityInput Input, ValidationErrors ParseErrors)>();
        while (await reader.ReadAsync())
        {
            var line = reader.Parser.Row;
            if (parsed.Count >= MaxRows)
            {
                return CsvImportReport.FileError($"The file has more than {MaxRows} rows: split it into smaller files. Nothing was imported.");
            }

            string? Field(string name) => reader.TryGetField<string>(name.ToLowerInvariant(), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var parseErrors = new ValidationErrors();
            var input = new OpportunityInput
            {
                Kind = nameof(OpportunityKind.EntryLevelVacancy),
                EmployerCode = employerCode,
                Title = Field("title"),
                Summary = Field("summary"),
                Description = Field("description"),
                CareerFamily = Field("careerFamily"),
                Positions = Number<int>(parseErrors, "positions", Field("positions")),
                Postcodes = Field("postcodes")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Wage = new WageInput(Field("wageType"), Number<decimal>(parseErrors, "wageAmount", Field("wageAmount")), Field("wageUnit"), null),
                HoursPerWeek = Number<decimal>(parseErrors, "hoursPerWeek", Field("hoursPerWeek")),
                StartDate = Field("startDate"),
                ClosingDate = Field("closingDate"),
                Requirements = new RequirementsInput(Number<int>(parseErrors, "minimumAge", Field("minimumAge")), Flag(parseErrors, "drivingLicence", Field("drivingLicence")), Field("qualificationLevel"), null),
                DisabilityConfident = Flag(parseErrors, "disabilityConfident", Field("disabilityConfident")),
                SupportedEntry = Flag(parseErrors, "supportedEntry", Field("supportedEntry")),
                ApplyUrl = Field("applyUrl"),
                Vacancy = new VacancyInput(Field("band"), Field("contractType")),
            };

            parsed.Add((line, input, parseErrors));
        }

        var rows = new List<CsvRowResult>();
        foreach (var (line, input, parseErrors) in parsed)
        {
            if (!parseErrors.IsEmpty)
            {
                rows.Add(new CsvRowResult(line, null, parseErrors.ToDictionary()));
                continue;
            }

            var result = await opportunities.CreateAsync(staff, input, cancellationToken);
            rows.Add(result switch
            {
                Result<Opportunity>.Ok ok => new CsvRowResult(line, ok.Value.Id, null),
                Result<Opportunity>.Invalid invalid => new CsvRowResult(line, null, invalid.Errors),
                Result<Opportunity>.Forbidden forbidden => new CsvRowResult(line, null, new Dictionary<string, string[]> { ["employerCode"] = [forbidden.Reason] }),
                _ => new CsvRowResult(line, null, new Dictionary<string, string[]> { ["row"] = ["The row could not be imported."] }),
            });
        }

        return new CsvImportReport(null, rows);
    }

    private static T? Number<T>(ValidationErrors errors, string field, string? value)
        where T : struct, IParsable<T>
    {
        if (value is null)
        {
            return null;
        }

        if (T.TryParse(value, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(field, $"'{value}' is not a number.");
        return null;
    }

    private static bool? Flag(ValidationErrors errors, string field, string? value)
    {
        switch (value?.ToLowerInvariant())
        {
            case null:
                return null;
            case "yes" or "true" or "y" or "1":
                return true;
            case "no" or "false" or "n" or "0":
                return false;
            default:
                errors.Add(field, $"'{value}' is not yes or no.");
                return null;
        }
    }
}

/// <summary>Per-row outcome: the draft's id, or what was wrong (keyed by field).</summary>
public sealed record CsvRowResult(int Line, string? OpportunityId, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The upload's report. <see cref="FileProblem"/> is set when the file as a whole was refused and nothing was imported.</summary>
public sealed record CsvImportReport(string? FileProblem, IReadOnlyList<CsvRowResult> Rows)
{
    public int Created => Rows.Count(r => r.OpportunityId is not null);

    public int Rejected => Rows.Count(r => r.Errors is not null);

    public static CsvImportReport FileError(string problem) => new(problem, []);
}
