using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>Demo apprenticeships and entry-level vacancies at the demo employers, published so the public list has content.</summary>
public sealed class DemoOpportunities(OpportunityService opportunities, OpportunityStore store, TimeProvider time)
{
    private static readonly StaffPrincipal Seeder = new("system:seed", "Demo data", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());

    /// <summary>
    /// Opportunities across the ICS's towns (Stoke, Newcastle, Stafford, Burton, Leek, Cheadle, Lichfield, Kidsgrove) and
    /// most career families, so demo people on every route have nearby matches in the families they chose.
    /// </summary>
    public static IReadOnlyList<OpportunityInput> Inputs(DateOnly today) =>
    [
        Apprenticeship("UHNM", "Healthcare support worker apprentice", "Care for patients on our wards while you train, with a guaranteed interview for a permanent post.", "Nursing", "ST4 6QG", 2, 130, "Healthcare support worker", today, 28),
        Apprenticeship("UHNM", "Pharmacy services assistant apprentice", "Dispense medicines and support the pharmacy team at Royal Stoke.", "Pharmacy", "ST4 6QG", 2, 300, "Pharmacy services assistant", today, 35),
        Apprenticeship("MPFT", "Nursing associate apprentice", "Train as a nursing associate in community mental health teams across Staffordshire.", "Nursing", "ST16 3SR", 5, 509, "Nursing associate", today, 42),
        Apprenticeship("UHNM", "Maternity support worker apprentice", "Support midwives and new families on the maternity unit at Royal Stoke.", "Midwifery", "ST4 6QG", 3, 611, "Maternity support worker", today, 20),
        Apprenticeship("UHNM", "Healthcare science assistant apprentice", "Process samples in the pathology laboratories and learn how tests guide care.", "HealthcareScience", "ST4 6QG", 2, 266, "Healthcare science assistant", today, 26),
        Apprenticeship("UHNM", "Dental nurse apprentice", "Assist the maxillofacial and orthodontic teams while you qualify as a dental nurse.", "Dental", "ST4 6QG", 3, 234, "Dental nurse", today, 31),
        Apprenticeship("UHNM", "Clinical coding apprentice", "Turn patient records into the codes that fund and plan hospital care.", "HealthInformatics", "ST4 6QG", 3, 570, "Data technician", today, 24),
        Apprenticeship("UHNM", "Estates maintenance apprentice", "Keep Royal Stoke's buildings and equipment running as a trainee maintenance engineer.", "EstatesAndFacilities", "ST4 8PQ", 2, 219, "Property maintenance operative", today, 33),
        Apprenticeship("MPFT", "Physiotherapy assistant apprentice", "Help people recover movement and independence with the community therapy team in Burton.", "AlliedHealthProfessions", "DE14 3RL", 3, 125, "Allied health profession support", today, 19),
        Apprenticeship("MPFT", "Pharmacy technician apprentice", "Train as a pharmacy technician at St George's Hospital, Stafford.", "Pharmacy", "ST16 3SR", 3, 318, "Pharmacy technician", today, 40),
        Apprenticeship("MPFT", "Business administration apprentice", "Run clinic lists and patient letters for the Burton community teams.", "WiderHealthcareTeam", "DE14 1AA", 2, 574, "Customer service practitioner", today, 17),
        Apprenticeship("NSCHT", "Mental health support worker apprentice", "Work alongside nurses and therapists supporting people's recovery in Burslem.", "PsychologicalTherapies", "ST6 8BG", 2, 130, "Healthcare support worker", today, 29),
        Apprenticeship("NSCHT", "Nursing associate apprentice (Leek)", "Train as a nursing associate with the Moorlands community mental health team.", "Nursing", "ST13 5ED", 5, 509, "Nursing associate", today, 44),
        Apprenticeship("WMAS", "Emergency medical technician apprentice", "Respond to 999 calls across Staffordshire as a trainee emergency medical technician.", "AmbulanceService", "ST4 8PQ", 4, 545, "Associate ambulance practitioner", today, 38) with
        {
            Requirements = new RequirementsInput(18, true, "Level2", true),
        },
        Vacancy("UHNM", "Ward housekeeper", "Keep wards welcoming and safe for patients. Full training, no experience needed.", "EstatesAndFacilities", "ST4 6QG", "Band 2", today, 21) with { SupportedEntry = true },
        Vacancy("MEADOW-CARE", "Care assistant (days)", "Support residents with daily living in a friendly 40-bed care home. We pay for your Care Certificate.", "SocialCare", "ST5 2LY", null, today, 14) with { SupportedEntry = true },
        Vacancy("HANLEY-HC", "GP practice receptionist", "Be the first friendly voice patients hear at a busy city-centre practice.", "WiderHealthcareTeam", "ST1 1HD", null, today, 30),
        Vacancy("HOMECARE-ST", "Home care worker", "Visit people in their own homes across Stoke-on-Trent. Flexible hours; mileage paid.", "SocialCare", "ST3 1PQ", null, today, 45),
        Vacancy("HOMECARE-ST", "Home care worker (Moorlands)", "Visit people at home in Leek, Cheadle and the villages around. Mileage paid; a car is needed.", "SocialCare", "ST10 1JT", null, today, 25),
        Vacancy("MPFT", "Healthcare support worker (Lichfield)", "Support the nursing team at the Samuel Johnson community hospital. Full training given.", "Nursing", "WS13 6QN", "Band 3", today, 22),
        Vacancy("MPFT", "Mental health support worker (Stafford)", "Support people on their recovery at St George's Hospital. Training and a mentor from day one.", "PsychologicalTherapies", "ST16 3SR", "Band 3", today, 27) with { SupportedEntry = true },
        Vacancy("WMAS", "Ambulance care assistant", "Take patients to and from hospital appointments safely and kindly. Full driver training given.", "AmbulanceService", "ST16 2DH", "Band 3", today, 36),
        Vacancy("VAST", "Community health champion", "Help neighbours in Hanley get to health checks and services: paid traineeship, with English support if you need it.", "PublicHealth", "ST1 3DN", null, today, 18) with { SupportedEntry = true },
        Vacancy("UHNM", "Porter (Kidsgrove and Royal Stoke)", "Move patients and equipment safely around our sites. No experience needed.", "EstatesAndFacilities", "ST7 2UL", "Band 2", today, 16) with { SupportedEntry = true },
    ];

    public async Task<int> SeedAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var existing = (await store.QueryAsync(null, cancellationToken)).Select(o => o.Value.Title).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var added = 0;
        foreach (var input in Inputs(today).Where(i => !existing.Contains(i.Title!)))
        {
            if (await opportunities.CreateAsync(Seeder, input, cancellationToken) is not Result<Opportunity>.Ok created
                || await opportunities.PublishAsync(Seeder, created.Value.Id, expected: null, cancellationToken) is not Result<Storage.Versioned<Opportunity>>.Ok)
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
        Requirements = new RequirementsInput(18, employer is "HOMECARE-ST" or "WMAS", null, true),
        Vacancy = new VacancyInput(band, nameof(ContractType.Permanent)),
    };
}
