using System.Globalization;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.Features.SignUps;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// The sign-up form's fields, named after <see cref="SignUpRequest"/>'s JSON so that the validator's error keys
/// name the form's fields too. The form only reshapes what the browser sends (three date boxes, yes/no radios,
/// repeated checkboxes) into a <see cref="SignUpRequest"/>; every rule stays in <see cref="SignUpValidator"/>.
/// </summary>
public static class SignUpForm
{
    public const string DayField = "dateOfBirth-day";
    public const string MonthField = "dateOfBirth-month";
    public const string YearField = "dateOfBirth-year";

    /// <summary>A field hidden from people (and from assistive technology); a robot filling every field fills it.</summary>
    public const string HoneypotField = "leaveThisBlank";

    public static SignUpRequest ToRequest(FormValues form) => new()
    {
        FirstName = form.One("firstName"),
        LastName = form.One("lastName"),
        Email = form.One("email"),
        Phone = form.One("phone"),
        DateOfBirth = DateOfBirth(form),
        Postcode = form.One("postcode"),
        CareerInterests = form.All("careerInterests"),
        CurrentSituation = form.One("currentSituation"),
        QualificationLevel = form.One("qualificationLevel"),
        RightToWork = form.One("rightToWork"),
        SupportNeeds = form.All("supportNeeds"),
        SupportNeedsOther = form.One("supportNeedsOther"),
        PreferredLanguage = form.One("preferredLanguage"),
        Consents = new ConsentAnswers
        {
            Contact = YesNo(form.One("consents.contact")),
            Marketing = YesNo(form.One("consents.marketing")),
            WordingVersion = form.One("consents.wordingVersion") ?? PrivacyNotice.Version,
        },
        SchoolCode = form.One("schoolCode"),
        YearGroup = int.TryParse(form.One("yearGroup"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : null,
        GuardianEmail = form.One("guardianEmail"),
        EventCode = form.One("eventCode"),
        ProgrammeCode = form.One("programmeCode"),
    };

    /// <summary>The form field an error key names: "careerInterests[1]" is the careerInterests checkboxes.</summary>
    public static string FieldOf(string errorKey)
    {
        var bracket = errorKey.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? errorKey : errorKey[..bracket];
    }

    /// <summary>Errors grouped by form field, in the order the form shows its fields, each message once.</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => FieldOf(e.Key), StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(FieldOrder, g.Key) is var i and >= 0 ? i : int.MaxValue)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>Every field in the order the form asks for them; the error summary lists errors in this order.</summary>
    public static IReadOnlyList<string> Fields => FieldOrder;

    private static readonly string[] FieldOrder =
    [
        "schoolCode", "yearGroup", "eventCode", "programmeCode", "firstName", "lastName", "email", "phone", "dateOfBirth", "guardianEmail",
        "postcode", "careerInterests", "currentSituation", "qualificationLevel", "rightToWork", "supportNeeds", "supportNeedsOther",
        "preferredLanguage", "consents", "consents.contact", "consents.marketing", "consents.wordingVersion",
    ];

    /// <summary>"2001-03-09" from three boxes; what the person typed, unchanged, when it is not three numbers, so the validator reports it.</summary>
    private static string? DateOfBirth(FormValues form)
    {
        var (day, month, year) = (form.One(DayField), form.One(MonthField), form.One(YearField));
        if (day is null && month is null && year is null)
        {
            return null;
        }

        return int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1000 and <= 9999
                ? $"{y:D4}-{m:D2}-{d:D2}"
                : $"{year}-{month}-{day}";
    }

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}

/// <summary>What a browser posted: each field's values in order (checkboxes repeat a name), blanks dropped.</summary>
public sealed class FormValues(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
{
    public static FormValues Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; } = values;

    public string? One(string field) =>
        Values.TryGetValue(field, out var all) && all.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? value.Trim() : null;

    public IReadOnlyList<string> All(string field) =>
        Values.TryGetValue(field, out var all) ? all.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() : [];

    public bool Has(string field, string value) => All(field).Contains(value, StringComparer.Ordinal);
}

/// <summary>A form as shown: empty, or what the person sent with the problems found, by field.</summary>
public sealed record SignUpFormState(FormValues Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SignUpFormState Empty { get; } = new(FormValues.Empty, new Dictionary<string, string[]>());

    public bool HasErrors => Errors.Count > 0;

    public static SignUpFormState WithErrors(FormValues values, IReadOnlyDictionary<string, string[]> errors) => new(values, SignUpForm.ByField(errors));
}
