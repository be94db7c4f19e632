using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Benchmarks.StaffWorkspace;

/// <summary>
/// The data of issue 20's target: 10,000 opportunities across 200 employers, 100,000 people, and an ICS-sized staff
/// directory and schools list (every open school of a large ICS's area and more: GIAS extracts are imported whole).
/// Fixed, so two runs see the same rows.
/// </summary>
internal static class StaffWorkspaceData
{
    public const int Employers = 200;
    public const int Opportunities = 10_000;
    public const int People = 100_000;
    public const int Staff = 1_000;
    public const int Schools = 5_000;

    public static string EmployerCode(int n) => $"EMP{n:000}";

    public static string EmployerStaffId(int n) => $"bench-employer-{n:000}";

    public const string AdminId = "bench-admin";

    public static ReferenceItem Employer(int n) =>
        new(ReferenceKind.Employer, EmployerCode(n), $"Employer {n:000} NHS Trust", "ST4 6QG", "NHS trust", LevyPayer: n % 4 == 0, Sector: OrganisationSector.Nhs);

    public static ReferenceItem School(int n) =>
        new(ReferenceKind.School, $"{100000 + n}", $"School {n:0000}", "ST4 6QG", n % 3 == 0 ? "Secondary" : "Primary");

    /// <summary>Staff: an employer member per employer, an admin, and advisers and others to make up the directory.</summary>
    public static StaffPrincipal StaffMember(int n) => n switch
    {
        0 => new(AdminId, "Bench Admin", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>()),
        <= Employers => new(EmployerStaffId(n - 1), $"Employer staff {n - 1:000}", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { EmployerCode(n - 1) }),
        _ => new($"bench-staff-{n:0000}", $"Adviser {n:0000}", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>()),
    };

    /// <summary>Opportunity n belongs to employer n % 200, in every status an employer's shelves show.</summary>
    public static Opportunity Opportunity(int n, DateOnly today, DateTimeOffset now)
    {
        var statuses = new[] { OpportunityStatus.Live, OpportunityStatus.Live, OpportunityStatus.Live, OpportunityStatus.Draft, OpportunityStatus.Closed, OpportunityStatus.Archived };
        return Site.SiteBenchData.Opportunity(n, today, now) with
        {
            EmployerCode = EmployerCode(n % Employers),
            EmployerName = $"Employer {n % Employers:000} NHS Trust",
            Status = statuses[n % statuses.Length],
        };
    }

    public static ApplicantEntity Person(int n, DateTimeOffset now) => new()
    {
        PartitionKey = $"a{n:x24}",
        Door = nameof(Door.Website),
        FirstName = "Bench",
        LastName = $"Person {n}",
        Email = $"person{n}@example.org",
        DateOfBirth = "1995-01-01",
        Postcode = "ST4 6QG",
        CareerInterests = "Nursing",
        CurrentSituation = nameof(CurrentSituation.Unemployed),
        QualificationLevel = nameof(QualificationLevel.Level2),
        RightToWork = nameof(RightToWork.Yes),
        ConsentWordingVersion = "2026-09",
        Stage = "Registered",
        Status = nameof(ApplicantStatus.Active),
        CreatedAt = now.AddMinutes(-n),
    };
}
