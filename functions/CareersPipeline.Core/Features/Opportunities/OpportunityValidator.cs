using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>Checks an employer's opportunity against every rule at once. The result has no id, status or coordinates yet.</summary>
public static class OpportunityValidator
{
    public static (Opportunity? Opportunity, IReadOnlyDictionary<string, string[]> Errors) Validate(OpportunityInput input, string employerName, DateOnly today)
    {
        var errors = new ValidationErrors();
        var kind = FieldChecks.Enum<OpportunityKind>(errors, "kind", input.Kind, required: true);
        if (kind == OpportunityKind.LevyFundedPlace)
        {
            errors.Add("kind", "Levy-funded places are created when a pledge application is accepted, not by hand.");
        }

        var title = FieldChecks.Text(errors, "title", input.Title, 120, required: true);
        var summary = FieldChecks.Text(errors, "summary", input.Summary, 500, required: true);
        var description = FieldChecks.Text(errors, "description", input.Description, 10_000, required: false);
        var family = FieldChecks.Enum<CareerFamily>(errors, "careerFamily", input.CareerFamily, required: true);
        if (family == CareerFamily.NotSureYet)
        {
            errors.Add("careerFamily", "Choose the career family the role belongs to.");
        }

        var positions = input.Positions ?? 1;
        if (positions is < 1 or > 500)
        {
            errors.Add("positions", "Positions must be between 1 and 500.");
        }

        var locations = new List<OpportunityLocation>();
        if (input.Postcodes is not { Count: > 0 })
        {
            errors.Add("postcodes", "Give at least one workplace postcode.");
        }
        else if (input.Postcodes.Count > 10)
        {
            errors.Add("postcodes", "Give at most 10 workplace postcodes.");
        }
        else
        {
            for (var i = 0; i < input.Postcodes.Count; i++)
            {
                if (UkFormats.NormalisePostcode(input.Postcodes[i] ?? string.Empty) is { } postcode)
                {
                    locations.Add(new OpportunityLocation(postcode));
                }
                else
                {
                    errors.Add($"postcodes[{i}]", "Enter a real UK postcode, like ST4 6QG.");
                }
            }
        }

        var wage = WageOf(errors, input.Wage);
        var hours = input.HoursPerWeek ?? 0;
        if (hours is <= 0 or > 48)
        {
            errors.Add("hoursPerWeek", "Hours per week must be more than 0 and at most 48.");
        }
        else if (kind == OpportunityKind.Apprenticeship && hours < 16)
        {
            errors.Add("hoursPerWeek", "Apprenticeships must be at least 16 hours a week.");
        }

        var closing = FieldChecks.Date(errors, "closingDate", input.ClosingDate, required: true);
        if (closing < today)
        {
            errors.Add("closingDate", "The closing date must be today or later.");
        }

        var start = FieldChecks.Date(errors, "startDate", input.StartDate, required: false);
        if (start is not null && closing is not null && start < closing)
        {
            errors.Add("startDate", "The start date must be on or after the closing date.");
        }

        var requirements = RequirementsOf(errors, input.Requirements);
        string? applyUrl = null;
        if (!string.IsNullOrWhiteSpace(input.ApplyUrl))
        {
            if (Uri.TryCreate(input.ApplyUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                applyUrl = url.ToString();
            }
            else
            {
                errors.Add("applyUrl", "The application link must be a full https:// address.");
            }
        }

        ApprenticeshipDetails? apprenticeship = null;
        VacancyDetails? vacancy = null;
        if (kind == OpportunityKind.Apprenticeship)
        {
            apprenticeship = ApprenticeshipOf(errors, input.Apprenticeship);
        }
        else if (kind == OpportunityKind.EntryLevelVacancy)
        {
            vacancy = VacancyOf(errors, input.Vacancy);
        }

        if (!errors.IsEmpty)
        {
            return (null, errors.ToDictionary());
        }

        return (new Opportunity
        {
            Id = string.Empty,
            Kind = kind!.Value,
            EmployerCode = input.EmployerCode!.Trim().ToUpperInvariant(),
            EmployerName = employerName,
            Title = title!,
            Summary = summary!,
            Description = description ?? string.Empty,
            CareerFamily = family!.Value,
            Positions = positions,
            Locations = locations,
            Wage = wage!,
            HoursPerWeek = hours,
            StartDate = start,
            ClosingDate = closing!.Value,
            Requirements = requirements,
            DisabilityConfident = input.DisabilityConfident ?? false,
            SupportedEntry = input.SupportedEntry ?? false,
            HowToApply = new HowToApply(applyUrl is null, applyUrl),
            Apprenticeship = apprenticeship,
            Vacancy = vacancy,
        }, new Dictionary<string, string[]>());
    }

    private static Wage? WageOf(ValidationErrors errors, WageInput? input)
    {
        var type = FieldChecks.Enum<WageType>(errors, "wage.type", input?.Type, required: true);
        var unit = FieldChecks.Enum<WageUnit>(errors, "wage.unit", input?.Unit, required: type == WageType.Fixed);
        if (type == WageType.Fixed && input?.Amount is not > 0)
        {
            errors.Add("wage.amount", "A fixed wage needs an amount greater than 0.");
        }

        return type is null ? null : new Wage(type.Value, type == WageType.Fixed ? input!.Amount : null, unit, FieldChecks.Text(errors, "wage.notes", input?.Notes, 300, required: false));
    }

    private static Requirements RequirementsOf(ValidationErrors errors, RequirementsInput? input)
    {
        if (input?.MinimumAge is < 16 or > 70)
        {
            errors.Add("requirements.minimumAge", "The minimum age must be between 16 and 70.");
        }

        return new Requirements(
            input?.MinimumAge,
            input?.DrivingLicence ?? false,
            FieldChecks.Enum<QualificationLevel>(errors, "requirements.qualificationLevel", input?.QualificationLevel, required: false),
            input?.RightToWorkInUk ?? true);
    }

    private static ApprenticeshipDetails? ApprenticeshipOf(ValidationErrors errors, ApprenticeshipInput? input)
    {
        var title = FieldChecks.Text(errors, "apprenticeship.standardTitle", input?.StandardTitle, 200, required: true);
        if (input?.LarsCode is not > 0)
        {
            errors.Add("apprenticeship.larsCode", "Give the standard's LARS code.");
        }

        if (input?.Level is not (>= 2 and <= 7))
        {
            errors.Add("apprenticeship.level", "Apprenticeship levels run from 2 to 7.");
        }

        var route = FieldChecks.Text(errors, "apprenticeship.route", input?.Route, 100, required: true);
        if (input?.DurationMonths is not (>= 12 and <= 72))
        {
            errors.Add("apprenticeship.durationMonths", "An apprenticeship lasts between 12 and 72 months.");
        }

        var provider = FieldChecks.Text(errors, "apprenticeship.trainingProvider", input?.TrainingProvider, 200, required: true);
        return title is null || route is null || provider is null || input is null
            ? null
            : new ApprenticeshipDetails(title, input.LarsCode ?? 0, input.Level ?? 0, route, input.DurationMonths ?? 0, provider);
    }

    private static VacancyDetails? VacancyOf(ValidationErrors errors, VacancyInput? input)
    {
        var contract = FieldChecks.Enum<ContractType>(errors, "vacancy.contractType", input?.ContractType, required: true);
        var band = FieldChecks.Text(errors, "vacancy.band", input?.Band, 40, required: false);
        return contract is null ? null : new VacancyDetails(band, contract.Value);
    }
}
