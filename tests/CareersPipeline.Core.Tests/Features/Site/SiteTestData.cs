using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Site;

internal static class SiteTestData
{
    public static readonly DateOnly Today = new(2026, 5, 12);

    /// <summary>A live summary; ids sort in creation order, closing dates one day apart.</summary>
    public static OpportunitySummary Summary(int n, OpportunityKind kind = OpportunityKind.Apprenticeship, CareerFamily family = CareerFamily.Nursing, int closesInDays = -1) => new(
        $"o{n:x24}", kind, OpportunityStatus.Live, $"Role {n}", "UHNM", "A summary", family, kind == OpportunityKind.Apprenticeship ? 2 : null,
        "ST4 6QG", new Wage(WageType.ApprenticeshipMinimum), 37.5m, Today.AddDays(closesInDays < 0 ? n : closesInDays), new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    public static Dictionary<string, OpportunitySummary> Many(int count, Func<int, OpportunitySummary>? make = null) =>
        Enumerable.Range(1, count).Select(make ?? (n => Summary(n))).ToDictionary(s => s.Id, StringComparer.Ordinal);

    public static Opportunity Opportunity(OpportunityStatus status = OpportunityStatus.Live, Wage? wage = null) => new()
    {
        Id = "o0123456789abcdef01234567",
        Kind = OpportunityKind.EntryLevelVacancy,
        Status = status,
        EmployerCode = "UHNM",
        EmployerName = "University Hospitals of North Midlands NHS Trust",
        Title = "Porter",
        Summary = "Move patients and equipment safely.",
        Description = "You will work shifts.\n\nFull training given.",
        CareerFamily = CareerFamily.EstatesAndFacilities,
        Locations = [new OpportunityLocation("ST4 6QG", 53.0, -2.2)],
        Wage = wage ?? new Wage(WageType.Fixed, 23615m, WageUnit.Annually),
        HoursPerWeek = 37.5m,
        ClosingDate = new DateOnly(2026, 6, 30),
        HowToApply = new HowToApply(true),
        Vacancy = new VacancyDetails("Band 2", ContractType.Permanent),
        CreatedAt = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero),
        History = [new StatusChange(OpportunityStatus.Draft, OpportunityStatus.Live, new DateTimeOffset(2026, 5, 3, 10, 0, 0, TimeSpan.Zero), "employer-uhnm")],
    };
}
