using System.Globalization;
using CareersPipeline.Core.ReferenceData;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Schools from the DfE "Get Information about Schools" (GIAS) CSV extract: the code is the URN, the name
/// EstablishmentName, the description PhaseOfEducation (name), and the Postcode. Every other GIAS column is ignored, so
/// the full extract or a filtered one both work. Each row is checked on its own and reported; the good rows are
/// written together at the end. A school already known is updated but keeps its status: an import never reopens a
/// school an admin retired. A closed establishment (EstablishmentStatus (name) = Closed) is refused.
/// </summary>
public sealed class SchoolImport(ReferenceDataStore store)
{
    public const string Added = "Added";
    public const string Updated = "Updated";
    public const string Refused = "Refused";

    /// <summary>
    /// Enough for every school in the largest ICS several times over; the national extract (about 50,000 rows) is
    /// refused whole, with the advice to filter it to the area's local authorities first.
    /// </summary>
    public const int MaxRows = 10_000;

    public const string UrnColumn = "URN";
    public const string NameColumn = "EstablishmentName";
    public const string PhaseColumn = "PhaseOfEducation (name)";
    public const string PostcodeColumn = "Postcode";
    public const string StatusColumn = "EstablishmentStatus (name)";

    private static readonly string[] Required = [UrnColumn, NameColumn, PhaseColumn, PostcodeColumn];

    public async Task<SchoolImportReport> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        using var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
        });

        if (!await reader.ReadAsync() || !reader.ReadHeader())
        {
            return SchoolImportReport.FileError("The file is empty: the first line must be the GIAS header row.");
        }

        var header = reader.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        var missing = Required.Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
        if (missing.Count > 0)
        {
            return SchoolImportReport.FileError($"The header row lacks these GIAS columns: {string.Join(", ", missing)}. Download the establishment fields CSV from Get Information about Schools.");
        }

        var known = (await store.ListAsync(ReferenceKind.School, cancellationToken)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<SchoolImportRow>();
        var accepted = new List<ReferenceItem>();
        while (await reader.ReadAsync())
        {
            if (rows.Count >= MaxRows)
            {
                return SchoolImportReport.FileError($"The file has more than {MaxRows} rows: filter the extract to your area's local authorities first. Nothing was imported.");
            }

            string? Field(string name) => reader.TryGetField<string>(name.ToLowerInvariant(), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
            var line = reader.Parser.Row;
            var (urn, name, phase, postcodeText) = (Field(UrnColumn), Field(NameColumn), Field(PhaseColumn), Field(PostcodeColumn));
            var errors = new ValidationErrors();
            if (urn is null)
            {
                errors.Add(UrnColumn, "The URN is missing.");
            }
            else if (!urn.All(char.IsAsciiDigit) || urn.Length > 8)
            {
                errors.Add(UrnColumn, $"'{urn}' is not a URN: a URN is a number of up to 8 digits.");
            }
            else if (!seen.Add(urn))
            {
                errors.Add(UrnColumn, "This URN is on an earlier row of the file too.");
            }

            if (name is null)
            {
                errors.Add(NameColumn, "The establishment name is missing.");
            }
            else if (name.Length > ReferenceDataAdministration.MaxNameLength)
            {
                errors.Add(NameColumn, $"The name is longer than {ReferenceDataAdministration.MaxNameLength} characters.");
            }

            var postcode = postcodeText is null ? null : UkFormats.NormalisePostcode(postcodeText);
            if (postcode is null)
            {
                errors.Add(PostcodeColumn, postcodeText is null ? "The postcode is missing." : $"'{postcodeText}' is not a full UK postcode.");
            }

            if (string.Equals(Field(StatusColumn), "Closed", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(StatusColumn, "The establishment is closed.");
            }

            if (!errors.IsEmpty)
            {
                rows.Add(new SchoolImportRow(line, urn, name, Refused, errors.ToDictionary()));
                continue;
            }

            accepted.Add(new ReferenceItem(ReferenceKind.School, urn!, name!, postcode!, phase ?? string.Empty));
            rows.Add(new SchoolImportRow(line, urn, name, known.Contains(urn!) ? Updated : Added, null));
        }

        await store.MergeManyAsync(accepted, cancellationToken);
        return new SchoolImportReport(null, rows);
    }
}
