using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>Checks a pledge against every rule at once. The result has no id and no coordinates yet.</summary>
public static class PledgeValidator
{
    public const int MaxLocations = 10;

    public static (Pledge? Pledge, IReadOnlyDictionary<string, string[]> Errors) Validate(PledgeInput input, string employerCode, string employerName, string by, DateOnly today)
    {
        var errors = new ValidationErrors();
        var amount = LevyFields.Pounds(errors, "amount", input.Amount, LevyRules.MinimumPledge, LevyRules.MaximumPledge,
            $"A pledge is at least {LevyMoney.Format(LevyRules.MinimumPledge)} and at most {LevyMoney.Format(LevyRules.MaximumPledge)}.");

        var levels = new List<int>();
        for (var i = 0; i < (input.Levels?.Count ?? 0); i++)
        {
            var level = input.Levels![i];
            if (level is < 2 or > 7)
            {
                errors.Add($"levels[{i}]", "Apprenticeship levels run from 2 to 7.");
            }
            else if (!levels.Contains(level))
            {
                levels.Add(level);
            }
        }

        var families = new List<CareerFamily>();
        for (var i = 0; i < (input.CareerFamilies?.Count ?? 0); i++)
        {
            var family = FieldChecks.Enum<CareerFamily>(errors, $"careerFamilies[{i}]", input.CareerFamilies![i], required: true);
            if (family == CareerFamily.NotSureYet)
            {
                errors.Add($"careerFamilies[{i}]", "Choose a career family, or leave the list empty to fund every one.");
            }
            else if (family is { } f && !families.Contains(f))
            {
                families.Add(f);
            }
        }

        var routes = new List<string>();
        for (var i = 0; i < (input.Routes?.Count ?? 0); i++)
        {
            if (ApprenticeshipRoutes.Find(input.Routes![i]) is { } route)
            {
                if (!routes.Contains(route))
                {
                    routes.Add(route);
                }
            }
            else
            {
                errors.Add($"routes[{i}]", $"This is not one of the apprenticeship routes: {string.Join("; ", ApprenticeshipRoutes.All)}.");
            }
        }

        var locations = Locations(errors, input.Locations);
        var autoApproval = FieldChecks.Enum<AutoApproval>(errors, "autoApproval", input.AutoApproval, required: false) ?? AutoApproval.None;
        var opensOn = FieldChecks.Date(errors, "opensOn", input.OpensOn, required: false) ?? today;
        if (opensOn < today)
        {
            errors.Add("opensOn", "The opening date must be today or later.");
        }

        var closesOn = FieldChecks.Date(errors, "closesOn", input.ClosesOn, required: true);
        if (closesOn is { } closes && (closes < today || closes < opensOn))
        {
            errors.Add("closesOn", "The close date must be on or after the opening date, and not in the past.");
        }

        var contactName = FieldChecks.Text(errors, "contactName", input.ContactName, 100, required: true);
        var contactEmail = FieldChecks.Email(errors, "contactEmail", input.ContactEmail);

        if (!errors.IsEmpty)
        {
            return (null, errors.ToDictionary());
        }

        return (new Pledge
        {
            Id = string.Empty,
            EmployerCode = employerCode,
            EmployerName = employerName,
            Amount = amount!.Value,
            Criteria = new PledgeCriteria(levels.Order().ToList(), families, routes, locations),
            NamePublic = input.NamePublic ?? false,
            AutoApproval = autoApproval,
            OpensOn = opensOn,
            ClosesOn = closesOn!.Value,
            ContactName = contactName!,
            ContactEmail = contactEmail!,
            CreatedBy = by,
        }, new Dictionary<string, string[]>());
    }

    private static List<PledgeLocation> Locations(ValidationErrors errors, IReadOnlyList<PledgeLocationInput?>? input)
    {
        var locations = new List<PledgeLocation>();
        if (input is null)
        {
            return locations;
        }

        if (input.Count > MaxLocations)
        {
            errors.Add("locations", $"Give at most {MaxLocations} locations.");
            return locations;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var field = $"locations[{i}]";
            var location = input[i];
            var name = FieldChecks.Text(errors, field + ".name", location?.Name, 100, required: true);
            string? postcode = null;
            if (!string.IsNullOrWhiteSpace(location?.Postcode))
            {
                postcode = UkFormats.NormalisePostcode(location.Postcode);
                if (postcode is null)
                {
                    errors.Add(field + ".postcode", "Enter a real UK postcode, like ST4 6QG.");
                }
            }
            else if (location?.Latitude is null || location.Longitude is null)
            {
                errors.Add(field, "Give a postcode, or a latitude and longitude.");
            }

            if (location?.Latitude is < -90 or > 90)
            {
                errors.Add(field + ".latitude", "A latitude is between -90 and 90.");
            }

            if (location?.Longitude is < -180 or > 180)
            {
                errors.Add(field + ".longitude", "A longitude is between -180 and 180.");
            }

            if (location?.RadiusMiles is not (>= 1 and <= 200))
            {
                errors.Add(field + ".radiusMiles", "Give a radius between 1 and 200 miles.");
            }

            if (name is not null && location is not null)
            {
                locations.Add(new PledgeLocation(name, postcode, location.Latitude, location.Longitude, location.RadiusMiles ?? 0));
            }
        }

        return locations;
    }
}
