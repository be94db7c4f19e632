using System.Globalization;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Opportunities;

/// <summary>
/// The opportunity's question pages as form fields: which fields each page asks, answers to and from
/// <see cref="OpportunityInput"/> (so the pages go through the same <see cref="OpportunityValidator"/> as the API and the
/// CSV), and the answers as a person reads them. Field names are the API's JSON paths, so errors land on their fields.
/// </summary>
public static class OpportunityForm
{
    public const string Kind = "opportunity";

    private static readonly string[] DateParts = ["day", "month", "year"];

    public static IReadOnlyList<string> FieldsOf(OpportunitySection section, bool isNew, bool isApprenticeship) => section switch
    {
        OpportunitySection.What => [.. (isNew ? new[] { "kind", "employerCode" } : []), "title", "summary", "description", "careerFamily", "positions"],
        OpportunitySection.Where => ["postcodes"],
        OpportunitySection.Pay => ["wage.type", "wage.amount", "wage.unit", "hoursPerWeek"],
        OpportunitySection.Dates => ["closingDate", "startDate"],
        _ => isApprenticeship
            ? ["apprenticeship.standardTitle", "apprenticeship.larsCode", "apprenticeship.level", "apprenticeship.route", "apprenticeship.durationMonths", "apprenticeship.trainingProvider"]
            : ["vacancy.contractType", "vacancy.band"],
    };

    /// <summary>The fields a page posts: a date is three boxes.</summary>
    public static IEnumerable<string> PostedFields(IEnumerable<string> fields) =>
        fields.SelectMany(f => f.EndsWith("Date", StringComparison.Ordinal) ? DateParts.Select(p => $"{f}-{p}") : [f]);

    public static bool IsApprenticeship(IReadOnlyDictionary<string, string[]> answers) =>
        One(answers, "kind") == nameof(OpportunityKind.Apprenticeship);

    /// <summary>The errors of one page: the validator's and the parser's, for the fields that page asks.</summary>
    public static IReadOnlyDictionary<string, string[]> ErrorsOf(OpportunitySection section, IReadOnlyDictionary<string, string[]> answers, bool isNew, DateOnly today)
    {
        var all = AllErrors(answers, today);
        var fields = FieldsOf(section, isNew, IsApprenticeship(answers));
        return all.Where(e => fields.Contains(FieldOf(e.Key))).GroupBy(e => FieldOf(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
    }

    /// <summary>Every problem with the answers, as the API would report them (employer name aside: checked on save).</summary>
    public static IReadOnlyDictionary<string, string[]> AllErrors(IReadOnlyDictionary<string, string[]> answers, DateOnly today)
    {
        var (input, parseErrors) = ToInput(answers);
        var (_, errors) = OpportunityValidator.Validate(input, string.Empty, today);
        var merged = errors.ToDictionary(e => e.Key, e => e.Value);
        foreach (var (field, messages) in parseErrors)
        {
            merged[field] = messages;
        }

        if (string.IsNullOrEmpty(input.EmployerCode))
        {
            merged["employerCode"] = ["Choose the employer."];
        }

        return merged;
    }

    public static (OpportunityInput Input, IReadOnlyDictionary<string, string[]> ParseErrors) ToInput(IReadOnlyDictionary<string, string[]> answers)
    {
        var errors = new ValidationErrors();
        var kind = One(answers, "kind");
        var input = new OpportunityInput
        {
            Kind = kind,
            EmployerCode = One(answers, "employerCode"),
            Title = One(answers, "title"),
            Summary = One(answers, "summary"),
            Description = One(answers, "description"),
            CareerFamily = One(answers, "careerFamily"),
            Positions = Number<int>(errors, answers, "positions", "Enter the number of positions as a whole number, like 3."),
            Postcodes = One(answers, "postcodes")?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Wage = new WageInput(One(answers, "wage.type"), Number<decimal>(errors, answers, "wage.amount", "Enter the amount as a number, like 11.44."), One(answers, "wage.unit"), null),
            HoursPerWeek = Number<decimal>(errors, answers, "hoursPerWeek", "Enter the hours as a number, like 37.5."),
            ClosingDate = Date(errors, answers, "closingDate"),
            StartDate = Date(errors, answers, "startDate"),
            Apprenticeship = kind == nameof(OpportunityKind.Apprenticeship)
                ? new ApprenticeshipInput(
                    One(answers, "apprenticeship.standardTitle"),
                    Number<int>(errors, answers, "apprenticeship.larsCode", "Enter the LARS code as a number."),
                    Number<int>(errors, answers, "apprenticeship.level", "Enter the level as a number from 2 to 7."),
                    One(answers, "apprenticeship.route"),
                    Number<int>(errors, answers, "apprenticeship.durationMonths", "Enter the length in months as a whole number."),
                    One(answers, "apprenticeship.trainingProvider"))
                : null,
            Vacancy = kind == nameof(OpportunityKind.EntryLevelVacancy) ? new VacancyInput(One(answers, "vacancy.band"), One(answers, "vacancy.contractType")) : null,
        };
        return (input, errors.ToDictionary());
    }

    /// <summary>An opportunity's answers, to start an edit (or to compare with someone else's save).</summary>
    public static Dictionary<string, string[]> AnswersOf(Opportunity o)
    {
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["kind"] = [o.Kind.ToString()],
            ["employerCode"] = [o.EmployerCode],
            ["title"] = [o.Title],
            ["summary"] = [o.Summary],
            ["description"] = [o.Description],
            ["careerFamily"] = [o.CareerFamily.ToString()],
            ["positions"] = [Text(o.Positions)],
            ["postcodes"] = [string.Join(", ", o.Locations.Select(l => l.Postcode))],
            ["wage.type"] = [o.Wage.Type.ToString()],
            ["wage.amount"] = [o.Wage.Amount is { } amount ? Text(amount) : string.Empty],
            ["wage.unit"] = [o.Wage.Unit?.ToString() ?? string.Empty],
            ["hoursPerWeek"] = [Text(o.HoursPerWeek)],
        };
        AddDate(answers, "closingDate", o.ClosingDate);
        AddDate(answers, "startDate", o.StartDate);
        if (o.Apprenticeship is { } a)
        {
            answers["apprenticeship.standardTitle"] = [a.StandardTitle];
            answers["apprenticeship.larsCode"] = [Text(a.LarsCode)];
            answers["apprenticeship.level"] = [Text(a.Level)];
            answers["apprenticeship.route"] = [a.Route];
            answers["apprenticeship.durationMonths"] = [Text(a.DurationMonths)];
            answers["apprenticeship.trainingProvider"] = [a.TrainingProvider];
        }

        if (o.Vacancy is { } v)
        {
            answers["vacancy.contractType"] = [v.ContractType.ToString()];
            answers["vacancy.band"] = [v.Band ?? string.Empty];
        }

        return answers;
    }

    /// <summary>Each question and its answer, for check-your-answers, the opportunity's page and the conflict page.</summary>
    public static IReadOnlyList<(OpportunitySection Section, string Field, string Question, string Answer)> Readable(IReadOnlyDictionary<string, string[]> answers)
    {
        var apprenticeship = IsApprenticeship(answers);
        var rows = new List<(OpportunitySection, string, string, string)>();
        foreach (var section in Enum.GetValues<OpportunitySection>())
        {
            foreach (var field in FieldsOf(section, isNew: true, apprenticeship))
            {
                rows.Add((section, field, Question(field), Answer(answers, field)));
            }
        }

        return rows;
    }

    private static string Question(string field) => field switch
    {
        "kind" => "Kind",
        "employerCode" => "Employer",
        "title" => "Job title",
        "summary" => "Summary",
        "description" => "Description",
        "careerFamily" => "Career family",
        "positions" => "Positions",
        "postcodes" => "Workplace postcodes",
        "wage.type" => "Pay",
        "wage.amount" => "Amount",
        "wage.unit" => "Paid",
        "hoursPerWeek" => "Hours a week",
        "closingDate" => "Closing date",
        "startDate" => "Start date",
        "apprenticeship.standardTitle" => "Apprenticeship standard",
        "apprenticeship.larsCode" => "LARS code",
        "apprenticeship.level" => "Level",
        "apprenticeship.route" => "Route",
        "apprenticeship.durationMonths" => "Length in months",
        "apprenticeship.trainingProvider" => "Training provider",
        "vacancy.contractType" => "Contract",
        "vacancy.band" => "Agenda for Change band",
        _ => field,
    };

    private static string Answer(IReadOnlyDictionary<string, string[]> answers, string field)
    {
        if (field.EndsWith("Date", StringComparison.Ordinal))
        {
            return string.Join('/', DateParts.Select(p => One(answers, $"{field}-{p}")).Where(p => p is not null)) is { Length: > 0 } date ? date : "Not given";
        }

        return One(answers, field) ?? "Not given";
    }

    /// <summary>"postcodes[1]" is reported on the postcodes field.</summary>
    private static string FieldOf(string key) => key.IndexOf('[', StringComparison.Ordinal) is var i and > 0 ? key[..i] : key;

    private static string? One(IReadOnlyDictionary<string, string[]> answers, string field) =>
        answers.TryGetValue(field, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? value.Trim() : null;

    private static T? Number<T>(ValidationErrors errors, IReadOnlyDictionary<string, string[]> answers, string field, string message)
        where T : struct, IParsable<T>
    {
        if (One(answers, field) is not { } text)
        {
            return null;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, message);
        return null;
    }

    private static string? Date(ValidationErrors errors, IReadOnlyDictionary<string, string[]> answers, string field)
    {
        var parts = DateParts.Select(p => One(answers, $"{field}-{p}")).ToArray();
        if (parts.All(p => p is null))
        {
            return null;
        }

        if (parts.Any(p => p is null) || !int.TryParse(parts[0], out var day) || !int.TryParse(parts[1], out var month) || !int.TryParse(parts[2], out var year)
            || year < 2000 || !DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Enter a real date, like 31 3 2027.");
            return null;
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static void AddDate(Dictionary<string, string[]> answers, string field, DateOnly? date)
    {
        answers[$"{field}-day"] = [date?.Day.ToString(CultureInfo.InvariantCulture) ?? string.Empty];
        answers[$"{field}-month"] = [date?.Month.ToString(CultureInfo.InvariantCulture) ?? string.Empty];
        answers[$"{field}-year"] = [date?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty];
    }

    private static string Text<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
