using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>
/// Two outreach teams (north: a lead and two advisers; south: one adviser) and people stored straight into the
/// Applicants table as processed sign-ups, so each rule is tested without waiting for the sign-up pipeline.
/// </summary>
public static class CaseloadKit
{
    public const string NorthLead = "case-north-lead";
    public const string NorthA = "case-north-a";
    public const string NorthB = "case-north-b";
    public const string South = "case-south";
    public const string Admin = "admin-ics";
    public const string Employer = "employer-uhnm";

    public static async Task SeedTeamsAsync(this TestApp app)
    {
        await app.SeedStaffAsync();
        var directory = app.Services.GetRequiredService<StaffDirectory>();
        var teams = app.Services.GetRequiredService<AdviserTeams>();
        foreach (var (id, team, lead) in new[] { (NorthLead, "north", true), (NorthA, "north", false), (NorthB, "north", false), (South, "south", false) })
        {
            await directory.UpsertAsync(new StaffPrincipal(id, $"Adviser {id}", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>()), CancellationToken.None);
            await teams.SetAsync(new TeamMembership(id, team, lead), CancellationToken.None);
        }
    }

    public static StaffPrincipal As(string id) => new(id, $"Adviser {id}", new HashSet<StaffRole> { id == Admin ? StaffRole.Admin : StaffRole.Adviser }, new HashSet<string>());

    /// <summary>A processed supported-route sign-up; <paramref name="signedUpAt"/> defaults to now.</summary>
    public static async Task<string> PersonAsync(this TestApp app, DateTimeOffset? signedUpAt = null, string dateOfBirth = "1990-05-01", bool guardianConsented = false, JourneyRoute route = JourneyRoute.SeldomHeardSupported, string firstName = "Olena")
    {
        var id = ApplicantIds.New();
        var applicant = new ApplicantEntity
        {
            PartitionKey = id,
            PersonKey = id,
            LinkStamp = "s",
            Door = nameof(Door.Website),
            FirstName = firstName,
            LastName = "Kovalenko",
            Email = $"{id}@example.org",
            DateOfBirth = dateOfBirth,
            Postcode = "ST4 6QG",
            CareerInterests = "Nursing",
            CurrentSituation = "Unemployed",
            QualificationLevel = "Level3",
            RightToWork = "Yes",
            SupportNeeds = "QualificationRecognition",
            Status = nameof(ApplicantStatus.Active),
            Route = route.ToString(),
            Stage = nameof(JourneyStage.Registered),
            CreatedAt = signedUpAt ?? app.Time.GetUtcNow(),
            GuardianConsentedAt = guardianConsented ? app.Time.GetUtcNow() : null,
        };
        Assert.True(await app.Services.GetRequiredService<ApplicantStore>().TryAddAsync(applicant, CancellationToken.None));
        return id;
    }

    public static CaseService Cases(this TestApp app) => app.Services.GetRequiredService<CaseService>();
}
