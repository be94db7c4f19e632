using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

/// <summary>Pledges and applications for unit tests, valid unless a test changes them.</summary>
internal static class LevyTestData
{
    public static readonly DateTimeOffset Now = new(2026, 5, 12, 9, 0, 0, TimeSpan.Zero);

    public static Pledge Pledge(PledgeCriteria? criteria = null, decimal amount = 10_000m, bool namePublic = false) => new()
    {
        Id = "p" + new string('1', 24),
        EmployerCode = "UHNM",
        EmployerName = "University Hospitals of North Midlands NHS Trust",
        Amount = amount,
        Criteria = criteria ?? PledgeCriteria.None,
        NamePublic = namePublic,
        OpensOn = new DateOnly(2026, 5, 1),
        ClosesOn = new DateOnly(2027, 3, 31),
        ContactName = "Priya Shah",
        ContactEmail = "priya.shah@example.org",
        CreatedBy = "employer-uhnm",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static ApplicationStandard Standard(int level = 2, CareerFamily family = CareerFamily.SocialCare, string route = "Care services") =>
        new("Adult care worker", 650, level, route, family, 12, 6_000m);

    public static PledgeApplication Application(ApplicationStatus status = ApplicationStatus.Pending) => new()
    {
        Id = "p" + new string('1', 24) + "-a" + new string('2', 12),
        PledgeId = "p" + new string('1', 24),
        PledgeEmployerCode = "UHNM",
        EmployerCode = "MEADOW-CARE",
        EmployerName = "Meadow View Care Home",
        Standard = Standard(),
        NumberOfApprentices = 2,
        StartDate = new DateOnly(2026, 9, 1),
        Locations = [new ApplicationLocation("ST5 2LY", 53.01, -2.23)],
        Details = "Two care worker apprentices for our dementia unit.",
        ContactName = "Jo Clarke",
        ContactEmail = "jo.clarke@example.org",
        Match = new MatchResult(100, [MatchCriterion.Sector, MatchCriterion.Level, MatchCriterion.Location, MatchCriterion.Route]),
        Cost = 12_000m,
        CostProjection = [new YearCost("2026/27", 12_000m)],
        Status = status,
        StatusChangedAt = Now,
        CreatedBy = "employer-meadow",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static ApplicationInput ValidApplicationInput(DateOnly start) => new()
    {
        EmployerCode = "MEADOW-CARE",
        Standard = new StandardInput("Adult care worker", 650, 2, "care services", "SocialCare", 12, 6_000m),
        NumberOfApprentices = 2,
        StartDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Postcodes = ["st52ly"],
        Details = "Two care worker apprentices for our dementia unit.",
        ContactName = "Jo Clarke",
        ContactEmail = "jo.clarke@example.org",
    };

    public static PledgeInput ValidPledgeInput() => new()
    {
        EmployerCode = "UHNM",
        Amount = 10_000m,
        Levels = [2, 3],
        CareerFamilies = ["SocialCare"],
        Routes = ["Care services"],
        Locations = [new PledgeLocationInput("Newcastle-under-Lyme", "ST5 2LY", null, null, 10)],
        AutoApproval = "Delayed",
        ClosesOn = "2026-12-31",
        ContactName = "Priya Shah",
        ContactEmail = "priya.shah@example.org",
    };
}
