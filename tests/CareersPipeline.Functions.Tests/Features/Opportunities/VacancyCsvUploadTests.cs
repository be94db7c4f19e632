using System.Net;
using System.Text.Json;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Opportunities;

/// <summary>Bulk CSV upload: a per-row report, good rows become drafts, a bad row applies nothing.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class VacancyCsvUploadTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MixedFile_ReportsEachRow_AndCreatesOnlyTheGoodOnes()
    {
        var closing = OpportunityBodies.Today().AddDays(14).ToString("yyyy-MM-dd");
        var csv = "title,summary,careerFamily,postcodes,wageType,wageAmount,wageUnit,hoursPerWeek,closingDate,contractType,band,drivingLicence\n"
            + $"Domestic assistant,Keep wards clean and safe,EstatesAndFacilities,ST4 6QG,NationalMinimum,,,30,{closing},Permanent,Band 2,no\n"
            + $"\"Ward clerk, days\",\"Greet visitors, answer calls, keep records\",WiderHealthcareTeam,ST4 6QG;ST16 2DH,Fixed,lots,Annually,37.5,31/12/2030,Forever,Band 2,perhaps\n"
            + $"Catering assistant,Prepare and serve meals,EstatesAndFacilities,ST4 6QG,Fixed,23615,Annually,20,{closing},Bank,,yes\n";

        using var response = await _app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, "/api/employer/opportunities/upload?employer=UHNM", OpportunityAuthorisationTests.Csv(csv));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.GetProperty("line").GetInt32()));

        var bad = rows[1];
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("opportunityId").ValueKind);
        Assert.True(bad.GetProperty("errors").TryGetProperty("wageAmount", out _), bad.ToString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("drivingLicence", out _), bad.ToString());

        var store = _app.Services.GetRequiredService<OpportunityStore>();
        foreach (var good in new[] { rows[0], rows[2] })
        {
            var created = (await store.FindAsync(good.GetProperty("opportunityId").GetString()!, CancellationToken.None))!.Value;
            Assert.Equal(OpportunityStatus.Draft, created.Status);
            Assert.Equal(OpportunityKind.EntryLevelVacancy, created.Kind);
            Assert.Equal("UHNM", created.EmployerCode);
        }

        var all = await store.QueryAsync(null, CancellationToken.None);
        Assert.DoesNotContain(all, o => o.Value.Title == "Ward clerk, days");
    }

    [Fact]
    public async Task RowWithOnlyValidationErrors_ListsEveryOne()
    {
        var csv = "title,summary,careerFamily,postcodes,wageType,hoursPerWeek,closingDate,contractType\n"
            + ",,Astronomy,XX1,Fixed,99,2001-01-01,Permanent\n";

        using var response = await _app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, "/api/employer/opportunities/upload?employer=UHNM", OpportunityAuthorisationTests.Csv(csv));

        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rows")[0].GetProperty("errors");
        foreach (var field in new[] { "title", "summary", "careerFamily", "postcodes[0]", "wage.amount", "hoursPerWeek", "closingDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task FileWithoutRequiredColumns_IsRefusedWhole()
    {
        using var response = await _app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, "/api/employer/opportunities/upload?employer=UHNM", OpportunityAuthorisationTests.Csv("title,summary\nPorter,Moves things\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("closingDate", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithoutEmployer_IsAValidationProblem()
    {
        using var response = await _app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, "/api/employer/opportunities/upload", OpportunityAuthorisationTests.Csv(OpportunityAuthorisationTests.OneGoodRow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
