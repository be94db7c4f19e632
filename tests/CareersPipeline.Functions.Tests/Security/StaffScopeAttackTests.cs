using System.Net;
using System.Text;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Features.Privacy;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>Finding 8: staff acting outside their scope.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StaffScopeAttackTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Adviser_CannotChangeTheConsentsOfSomeoneNotOnTheirCaseload()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.Website, TestPerson.Unique());

        using var response = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{id}/consents/Contact", PrivacyKit.Adviser, new { granted = false });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var person = await app.WaitForApplicantAsync(id, _ => true, "the applicant");
        Assert.NotEqual(ConsentDecision.Withdrawn, await app.Services.GetRequiredService<ConsentGate>().DecideAsync(person, ConsentPurpose.Contact, CancellationToken.None));
    }

    [Fact]
    public async Task Adviser_CannotTakeSomeoneAnotherAdviserHas_NorAChildWithoutConsent()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        const string second = "adviser-second";
        await app.Services.GetRequiredService<Core.Staff.StaffDirectory>().UpsertAsync(
            new Core.Staff.StaffPrincipal(second, "Second Adviser", new HashSet<Core.Staff.StaffRole> { Core.Staff.StaffRole.Adviser }, new HashSet<string>()), CancellationToken.None);
        var id = await app.SignUpAsync(PrivacyKit.Body(Door.Website, TestPerson.Unique()), Door.Website, processed: true);
        var child = await PrivacyKit.SignUpAsync(app, Door.School, TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app)), guardianEmail: SignUpBodies.UniqueEmail("guardian"));

        using var first = await PrivacyKit.StaffAsync(app, HttpMethod.Put, $"/api/adviser/caseload/{id}", PrivacyKit.Adviser);
        using var again = await PrivacyKit.StaffAsync(app, HttpMethod.Put, $"/api/adviser/caseload/{id}", PrivacyKit.Adviser);
        using var taken = await PrivacyKit.StaffAsync(app, HttpMethod.Put, $"/api/adviser/caseload/{id}", second);
        using var unconsented = await PrivacyKit.StaffAsync(app, HttpMethod.Put, $"/api/adviser/caseload/{child}", second);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await PrivacyKit.AssertProblemAsync(taken, HttpStatusCode.Conflict);
        await PrivacyKit.AssertProblemAsync(unconsented, HttpStatusCode.NotFound);
        Assert.False(await app.Services.GetRequiredService<CaseloadStore>().ContainsAsync(second, id, CancellationToken.None));
        Assert.False(await app.Services.GetRequiredService<CaseloadStore>().ContainsAsync(second, child, CancellationToken.None));
    }

    [Fact]
    public async Task Adviser_CanChangeTheConsentsOfSomeoneOnTheirCaseload_AndAnAdminOfAnyone()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.Website, TestPerson.Unique());
        var other = await PrivacyKit.SignUpAsync(app, Door.Website, TestPerson.Unique());
        await app.Services.GetRequiredService<CaseloadStore>().AddAsync(PrivacyKit.Adviser, id, app.Time.GetUtcNow(), CancellationToken.None);

        using var adviser = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{id}/consents/Contact", PrivacyKit.Adviser, new { granted = false });
        using var admin = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{other}/consents/Contact", PrivacyKit.Admin, new { granted = false });

        Assert.Equal(HttpStatusCode.OK, adviser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task CsvUploadOverTheRowLimit_IsRefused_AndLeavesNoDrafts()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedStaffAsync();
        var title = $"Flood {Guid.NewGuid():n}";
        var closing = OpportunityBodies.Today().AddDays(14).ToString("yyyy-MM-dd");
        var csv = new StringBuilder("title,summary,careerFamily,postcodes,wageType,wageAmount,wageUnit,hoursPerWeek,closingDate,contractType,band,drivingLicence\n");
        for (var i = 0; i <= VacancyCsvImport.MaxRows; i++)
        {
            csv.Append(title).Append(",Keep wards clean and safe,EstatesAndFacilities,ST4 6QG,NationalMinimum,,,30,").Append(closing).Append(",Permanent,Band 2,no\n");
        }

        using var response = await app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, "/api/employer/opportunities/upload?employer=UHNM", OpportunityAuthorisationTests.Csv(csv.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var all = await app.Services.GetRequiredService<OpportunityStore>().QueryAsync(null, CancellationToken.None);
        Assert.DoesNotContain(all, o => o.Value.Title == title);
    }
}
