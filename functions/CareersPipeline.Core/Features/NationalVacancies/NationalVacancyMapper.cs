using System.Globalization;
using System.Text.RegularExpressions;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// Turns a DfE vacancy into an <see cref="Opportunity"/> (a draft: the import publishes it). Pure: the same
/// vacancy always maps to the same opportunity, so an unchanged vacancy is recognised as unchanged.
/// Employer contact names, emails and phone numbers are never read.
/// </summary>
public static partial class NationalVacancyMapper
{
    /// <summary>
    /// Every national vacancy has this employer code: national employers are not in the reference data, no employer
    /// login acts for them (only admins), and it cannot clash with a local employer's code. The name is kept as given.
    /// </summary>
    public const string EmployerCode = "NATIONAL";

    public const int SummaryLength = 500;

    /// <summary>The opportunity id of a vacancy, or null when its reference is missing or not an id we can form.</summary>
    public static string? IdOf(ApiVacancy vacancy)
    {
        if (string.IsNullOrWhiteSpace(vacancy.VacancyReference))
        {
            return null;
        }

        var id = OpportunityIds.National(vacancy.VacancyReference.Trim());
        return OpportunityIds.IsWellFormed(id) ? id : null;
    }

    /// <summary>The opportunity, or null when the vacancy lacks what every opportunity needs (reference, title, closing date).</summary>
    public static Opportunity? Map(ApiVacancy vacancy)
    {
        var id = IdOf(vacancy);
        var closingDate = ParseDate(vacancy.ClosingDate);
        if (id is null || string.IsNullOrWhiteSpace(vacancy.Title) || closingDate is null)
        {
            return null;
        }

        var description = vacancy.Description?.Trim() ?? string.Empty;
        var course = vacancy.Course;
        return new Opportunity
        {
            Id = id,
            Kind = OpportunityKind.Apprenticeship,
            Source = OpportunitySource.National,
            ExternalReference = vacancy.VacancyReference!.Trim(),
            EmployerCode = EmployerCode,
            EmployerName = string.IsNullOrWhiteSpace(vacancy.EmployerName) ? "Employer not named" : vacancy.EmployerName.Trim(),
            Title = vacancy.Title.Trim(),
            Summary = Shorten(description, SummaryLength),
            Description = description,
            CareerFamily = NationalCareerFamilies.Infer(vacancy.Title, course?.Title, course?.Route),
            Positions = vacancy.NumberOfPositions is > 0 and var positions ? positions : 1,
            Locations = Locations(vacancy.Addresses),
            Wage = MapWage(vacancy.Wage),
            HoursPerWeek = vacancy.HoursPerWeek ?? 0,
            StartDate = ParseDate(vacancy.StartDate),
            ClosingDate = closingDate.Value,
            DisabilityConfident = vacancy.IsDisabilityConfident ?? false,
            HowToApply = new HowToApply(false, FirstNonEmpty(vacancy.ApplicationUrl, vacancy.VacancyUrl)),
            Apprenticeship = course is null ? null : new ApprenticeshipDetails(
                course.Title?.Trim() ?? string.Empty,
                course.LarsCode ?? 0,
                course.Level ?? 0,
                course.Route?.Trim() ?? string.Empty,
                DurationInMonths(vacancy.ExpectedDuration) ?? 0,
                vacancy.ProviderName?.Trim() ?? string.Empty),
        };
    }

    /// <summary>ApprenticeshipMinimum and NationalMinimum as they are; Custom is a fixed wage; CompetitiveSalary is Competitive.</summary>
    public static Wage MapWage(ApiWage? wage)
    {
        var type = wage?.WageType?.Trim().ToUpperInvariant() switch
        {
            "APPRENTICESHIPMINIMUM" => WageType.ApprenticeshipMinimum,
            "NATIONALMINIMUM" => WageType.NationalMinimum,
            "CUSTOM" => WageType.Fixed,
            "COMPETITIVESALARY" => WageType.Competitive,
            _ => wage?.WageAmount is > 0 ? WageType.Fixed : WageType.Competitive,
        };
        var unit = wage?.WageUnit?.Trim().ToUpperInvariant() switch
        {
            "WEEKLY" => WageUnit.Weekly,
            "MONTHLY" => WageUnit.Monthly,
            "ANNUALLY" => WageUnit.Annually,
            "HOURLY" => WageUnit.Hourly,
            _ => (WageUnit?)null, // Unspecified
        };
        var notes = string.IsNullOrWhiteSpace(wage?.WageAdditionalInformation) ? null : wage.WageAdditionalInformation.Trim();
        return new Wage(type, wage?.WageAmount, unit, notes);
    }

    /// <summary>"2 years", "18 months", "1 year 6 months", "52 weeks" as whole months (rounded up); null when there is no number and unit.</summary>
    public static int? DurationInMonths(string? expectedDuration)
    {
        if (string.IsNullOrWhiteSpace(expectedDuration))
        {
            return null;
        }

        var months = 0m;
        var found = false;
        foreach (Match match in DurationPart().Matches(expectedDuration))
        {
            var amount = decimal.Parse(match.Groups["amount"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
            months += char.ToUpperInvariant(match.Groups["unit"].Value[0]) switch
            {
                'Y' => amount * 12,
                'M' => amount,
                'W' => amount * 12 / 52,
                _ => amount * 12 / 365,
            };
            found = true;
        }

        return found ? (int)Math.Ceiling(months) : null;
    }

    /// <summary>The date part of the API's date-time ("2026-10-22T23:59:59Z" is 22 October), as written.</summary>
    public static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static List<OpportunityLocation> Locations(IReadOnlyList<ApiAddress>? addresses) =>
        (addresses ?? [])
            .Where(a => !string.IsNullOrWhiteSpace(a.Postcode) || (a.Latitude is not null && a.Longitude is not null))
            .Select(a => new OpportunityLocation(a.Postcode?.Trim().ToUpperInvariant() ?? string.Empty, a.Latitude, a.Longitude))
            .ToList();

    private static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - 1);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length - 1).TrimEnd(), "…");
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)\s*(?<unit>year|yr|month|week|day)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPart();
}
