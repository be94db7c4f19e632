using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;

namespace CareersPipeline.Benchmarks.Site;

/// <summary>Realistic opportunities in bulk: every kind and family, a spread of closing dates, wages and places.</summary>
internal static class SiteBenchData
{
    private static readonly string[] Postcodes = ["ST4 6QG", "ST16 3SR", "ST6 8BG", "ST5 2LY", "ST3 1PQ", "ST1 1HD", "DE14 1AA", "WS13 6QN"];
    private static readonly string[] Employers = ["University Hospitals of North Midlands NHS Trust", "Midlands Partnership University NHS Foundation Trust", "Meadow View Care Home", "Potteries Home Care"];

    public static Opportunity Opportunity(int n, DateOnly today, DateTimeOffset now)
    {
        var kinds = Enum.GetValues<OpportunityKind>();
        var families = Enum.GetValues<CareerFamily>().Where(f => f != CareerFamily.NotSureYet).ToArray();
        var kind = kinds[n % kinds.Length];
        var apprenticeship = kind != OpportunityKind.EntryLevelVacancy;
        return new Opportunity
        {
            Id = $"o{n:x24}",
            Kind = kind,
            Status = OpportunityStatus.Live,
            EmployerCode = "UHNM",
            EmployerName = Employers[n % Employers.Length],
            Title = apprenticeship ? $"Healthcare support worker apprentice {n}" : $"Ward housekeeper {n}",
            Summary = "Care for patients on our wards while you train, with a guaranteed interview for a permanent post at the end.",
            Description = "You will work as part of a friendly ward team, supporting nurses with patients' everyday care.\n\nFull training is given, and you will study one day a week towards your qualification.",
            CareerFamily = families[n % families.Length],
            Positions = 1 + (n % 4),
            Locations = [new OpportunityLocation(Postcodes[n % Postcodes.Length], 52.9 + (n % 20) * 0.01, -2.2 + (n % 15) * 0.01)],
            Wage = apprenticeship ? new Wage(WageType.ApprenticeshipMinimum) : new Wage(WageType.Fixed, 24071m, WageUnit.Annually),
            HoursPerWeek = 37.5m,
            StartDate = today.AddDays(60),
            ClosingDate = today.AddDays(7 + (n % 90)),
            Requirements = new Requirements(MinimumAge: 16),
            DisabilityConfident = n % 3 == 0,
            HowToApply = new HowToApply(true),
            Apprenticeship = apprenticeship ? new ApprenticeshipDetails("Healthcare support worker", 130, 2 + (n % 3), "Health and science", 15, "Stoke on Trent College") : null,
            Vacancy = apprenticeship ? null : new VacancyDetails("Band 2", ContractType.Permanent),
            History = [new StatusChange(OpportunityStatus.Draft, OpportunityStatus.Live, now.AddDays(-(n % 30)), "bench")],
            CreatedAt = now.AddDays(-(n % 30) - 1),
            UpdatedAt = now.AddDays(-(n % 30)),
        };
    }
}
