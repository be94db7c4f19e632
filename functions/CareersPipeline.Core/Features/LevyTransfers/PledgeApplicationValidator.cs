using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>An application's answers once every rule is met: not yet matched, costed or stored.</summary>
public sealed record ValidApplication(
    ApplicationStandard Standard,
    int NumberOfApprentices,
    DateOnly StartDate,
    IReadOnlyList<string> Postcodes,
    string Details,
    string? TrainingProvider,
    string ContactName,
    string ContactEmail);

/// <summary>Checks an application against every rule at once.</summary>
public static class PledgeApplicationValidator
{
    public const int MaxPostcodes = 10;

    public static (ValidApplication? Application, IReadOnlyDictionary<string, string[]> Errors) Validate(ApplicationInput input, DateOnly today)
    {
        var errors = new ValidationErrors();
        var standard = StandardOf(errors, input.Standard);

        var apprentices = input.NumberOfApprentices;
        if (apprentices is not (>= 1 and <= LevyRules.MaximumApprentices))
        {
            errors.Add("numberOfApprentices", $"Give a number of apprentices between 1 and {LevyRules.MaximumApprentices}.");
        }

        var start = FieldChecks.Date(errors, "startDate", input.StartDate, required: true);
        var earliest = new DateOnly(today.Year, today.Month, 1);
        var latest = FinancialYear.End(today);
        if (start is { } s && (s < earliest || s > latest))
        {
            errors.Add("startDate", $"The start date must be between {earliest:yyyy-MM-dd} (this month) and {latest:yyyy-MM-dd} (the end of this financial year).");
        }

        var postcodes = new List<string>();
        if (input.Postcodes is not { Count: > 0 })
        {
            errors.Add("postcodes", "Give at least one workplace postcode.");
        }
        else if (input.Postcodes.Count > MaxPostcodes)
        {
            errors.Add("postcodes", $"Give at most {MaxPostcodes} workplace postcodes.");
        }
        else
        {
            for (var i = 0; i < input.Postcodes.Count; i++)
            {
                if (UkFormats.NormalisePostcode(input.Postcodes[i] ?? string.Empty) is { } postcode)
                {
                    if (!postcodes.Contains(postcode))
                    {
                        postcodes.Add(postcode);
                    }
                }
                else
                {
                    errors.Add($"postcodes[{i}]", "Enter a real UK postcode, like ST5 2LY.");
                }
            }
        }

        var details = FieldChecks.Text(errors, "details", input.Details, 2_000, required: true);
        if (details is not null && LevyFields.Words(details) > LevyRules.MaximumDetailsWords)
        {
            errors.Add("details", $"Use {LevyRules.MaximumDetailsWords} words or fewer (you used {LevyFields.Words(details)}).");
        }

        var provider = FieldChecks.Text(errors, "trainingProvider", input.TrainingProvider, 200, required: false);
        var contactName = FieldChecks.Text(errors, "contactName", input.ContactName, 100, required: true);
        var contactEmail = FieldChecks.Email(errors, "contactEmail", input.ContactEmail);

        return errors.IsEmpty
            ? (new ValidApplication(standard!, apprentices!.Value, start!.Value, postcodes, details!, provider, contactName!, contactEmail!), new Dictionary<string, string[]>())
            : (null, errors.ToDictionary());
    }

    private static ApplicationStandard? StandardOf(ValidationErrors errors, StandardInput? input)
    {
        if (input is null)
        {
            errors.Add("standard", "Say which apprenticeship standard this is for.");
            return null;
        }

        var title = FieldChecks.Text(errors, "standard.title", input.Title, 100, required: true);
        if (input.LarsCode is not (> 0 and < 100_000))
        {
            errors.Add("standard.larsCode", "Give the standard's LARS code.");
        }

        if (input.Level is not (>= 2 and <= 7))
        {
            errors.Add("standard.level", "Apprenticeship levels run from 2 to 7.");
        }

        var route = ApprenticeshipRoutes.Find(input.Route);
        if (route is null)
        {
            errors.Add("standard.route", $"Give the standard's route, one of: {string.Join("; ", ApprenticeshipRoutes.All)}.");
        }

        var family = FieldChecks.Enum<CareerFamily>(errors, "standard.careerFamily", input.CareerFamily, required: true);
        if (family == CareerFamily.NotSureYet)
        {
            errors.Add("standard.careerFamily", "Choose the career family the role belongs to.");
        }

        if (input.DurationMonths is not (>= 12 and <= 72))
        {
            errors.Add("standard.durationMonths", "An apprenticeship lasts between 12 and 72 months.");
        }

        var funding = LevyFields.Pounds(errors, "standard.maxFunding", input.MaxFunding, 1, LevyRules.MaximumFundingBand,
            $"The funding band maximum is between £1 and {LevyMoney.Format(LevyRules.MaximumFundingBand)}.");

        return title is null || route is null || family is null or CareerFamily.NotSureYet || funding is null
            || input.LarsCode is not (> 0 and < 100_000) || input.Level is not (>= 2 and <= 7) || input.DurationMonths is not (>= 12 and <= 72)
            ? null
            : new ApplicationStandard(title, input.LarsCode.Value, input.Level.Value, route, family.Value, input.DurationMonths.Value, funding.Value);
    }
}
