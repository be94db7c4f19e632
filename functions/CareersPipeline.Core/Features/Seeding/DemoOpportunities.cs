using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Staff;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>Demo apprenticeships and entry-level vacancies at the demo employers, published so the public list has content.</summary>
public sealed class DemoOpportunities(OpportunityService opportunities, OpportunityStore store, TimeProvider time)
{
    private static readonly StaffPrincipal Seeder = new("system:seed", "Demo data", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());

    public static IReadOnlyList<OpportunityInput> Inputs(DateOnly today) =>
    [
        Apprenticeship("UHNM", "Healthcare support worker apprentice", "Care for patients on our wards while you train, with a guaranteed interview for a permanent post.", "Nursing", "ST4 6QG", 2, 130, "Healthcare support worker", today, 28),
        Apprenticeship("UHNM", "Pharmacy services assistant apprentice", "Dispense medicines and support the pharmacy team at Royal Stoke.", "Pharmacy", "ST4 6QG", 2, 300, "Pharmacy services assistant", today, 35),
        Apprenticeship("MPFT", "Nursing associate apprentice", "Train as a nursing associate in community mental health teams across Staffordshire.", "Nursing", "ST16 3SR", 5, 509, "Nursing associate", today, 42),
        Vacancy("UHNM", "Ward housekeeper", "Keep wards welcoming and safe for patients. Full training, no experience needed.", "EstatesAndFacilities", "ST4 6QG", "Band 2", today, 21) with { SupportedEntry = true },
        Vacancy("MEADOW-CARE", "Care assistant (days)", "Support residents with daily living in a friendly 40-bed care home. We pay for your Care Certificate.", "SocialCare", "ST5 2LY", null, today, 14) with { SupportedEntry = true },
        Vacancy("HANLEY-HC", "GP practice receptionist", "Be the first friendly voice patients hear at a busy city-centre practice.", "WiderHealthcareTeam", "ST1 1HD", null, today, 30),
        Vacancy("HOMECARE-ST", "Home care worker", "Visit people in their own homes across Stoke-on-Trent. Flexible hours; mileage paid.", "SocialCare", "ST3 1PQ", null, today, 45),
    ];

    public async Task<int> SeedAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var existing = (await store.QueryAsync(null, cancellationToken)).Select(o => o.Value.Title).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var added = 0;
        foreach (var input in Inputs(today).Where(i => !existing.Contains(i.Title!)))
        {
            if (await opportunities.CreateAsync(Seeder, input, cancellationToken) is not OpportunityResult.Ok created
                || await opportunities.PublishAsync(Seeder, created.Opportunity.Id, cancellationToken) is not OpportunityResult.Ok)
            {
                throw new InvalidOperationException($"Demo opportunity '{input.Title}' was refused.");
            }

            added++;
        }

        progress.Report($"Opportunities: {added} published ({existing.Count} already there)");
        return added;
    }

    private static OpportunityInput Apprenticeship(string employer, string title, string summary, string family, string postcode, int level, int lars, string standard, DateOnly today, int closesInDays) => new()
    {
        Kind = nameof(OpportunityKind.Apprenticeship),
        EmployerCode = employer,
        Title = title,
        Summary = summary,
        CareerFamily = family,
        Positions = 3,
        Postcodes = [postcode],
        Wage = new WageInput(nameof(WageType.ApprenticeshipMinimum), null, null, null),
        HoursPerWeek = 37.5m,
        ClosingDate = today.AddDays(closesInDays).ToString("yyyy-MM-dd"),
        StartDate = today.AddDays(closesInDays + 45).ToString("yyyy-MM-dd"),
        Requirements = new RequirementsInput(16, false, "Level1", true),
        DisabilityConfident = true,
        Apprenticeship = new ApprenticeshipInput(standard, lars, level, "Health and science", level >= 5 ? 24 : 15, "Stoke on Trent College"),
    };

    private static OpportunityInput Vacancy(string employer, string title, string summary, string family, string postcode, string? band, DateOnly today, int closesInDays) => new()
    {
        Kind = nameof(OpportunityKind.EntryLevelVacancy),
        EmployerCode = employer,
        Title = title,
        Summary = summary,
        CareerFamily = family,
        Positions = 2,
        Postcodes = [postcode],
        Wage = band is null ? new WageInput(nameof(WageType.Fixed), 12.60m, nameof(WageUnit.Hourly), null) : new WageInput(nameof(WageType.Fixed), 24071m, nameof(WageUnit.Annually), band),
        HoursPerWeek = 30,
        ClosingDate = today.AddDays(closesInDays).ToString("yyyy-MM-dd"),
        Requirements = new RequirementsInput(18, family == "SocialCare" && employer == "HOMECARE-ST", null, true),
        Vacancy = new VacancyInput(band, nameof(ContractType.Permanent)),
    };
}
