using System.Net;
using System.Text.Json;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Figures;

/// <summary>Who sees the figures (admins and programme leads only), the API's JSON and CSV, and the page's date filter.</summary>
[Collection(FiguresStorageGroup.Name)]
public sealed class FiguresHttpTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string Admin = "admin-ics";
    private const string Lead = "lead-figures";
    private const string Period = "/api/figures?from=2030-01-07&to=2030-01-13";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.WaitForStorageAsync();
        await _app.SeedStaffAsync();
        await _app.Services.GetRequiredService<StaffDirectory>().UpsertAsync(
            new StaffPrincipal(Lead, "Programme lead for figures", new HashSet<StaffRole> { StaffRole.ProgrammeLead }, new HashSet<string>()), CancellationToken.None);
        var journey = _app.Services.GetRequiredService<JourneyEvents>();
        // A week of their own, far from other tests' people sharing this storage.
        var at = new DateTimeOffset(2030, 1, 8, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await journey.RecordAsync(new JourneyEvent($"http-person-{i}", JourneyStage.SignedUp, at, $"http-ref-{i}", "Programme", "InEducation"), [], CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("adviser-amina", HttpStatusCode.Forbidden)]
    [InlineData("employer-uhnm", HttpStatusCode.Forbidden)]
    [InlineData("employer-mpft", HttpStatusCode.Forbidden)]
    [InlineData(Admin, HttpStatusCode.OK)]
    [InlineData(Lead, HttpStatusCode.OK)]
    public async Task Api_IsForAdminsAndProgrammeLeadsOnly(string? who, HttpStatusCode expected)
    {
        using var json = await _app.SendAsStaffAsync(who, HttpMethod.Get, "/api/figures");
        using var csv = await _app.SendAsStaffAsync(who, HttpMethod.Get, "/api/figures/csv/funnel");

        Assert.Equal(expected, json.StatusCode);
        Assert.Equal(expected, csv.StatusCode);
    }

    [Theory]
    [InlineData("adviser-amina", HttpStatusCode.Forbidden)]
    [InlineData("employer-mpft", HttpStatusCode.Forbidden)]
    [InlineData(Admin, HttpStatusCode.OK)]
    [InlineData(Lead, HttpStatusCode.OK)]
    public async Task Page_IsForAdminsAndProgrammeLeadsOnly(string who, HttpStatusCode expected)
    {
        using var page = await _app.SendAsStaffAsync(who, HttpMethod.Get, "/staff/figures");

        Assert.Equal(expected, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        using var page = await _app.Http.GetAsync("/staff/figures");

        // The client follows the redirect: it ends on the development sign-in, which will bring them back.
        Assert.Equal("/dev/sign-in", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fstaff%2Ffigures", page.RequestMessage.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_GivesThePublishedTables()
    {
        using var response = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, Period);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var tables = json.RootElement.GetProperty("tables").EnumerateArray().ToList();
        var byDoor = tables.Single(t => t.GetProperty("id").GetString() == "signups-by-door");
        var website = byDoor.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "Work experience programme");
        Assert.Equal(["0", "5", "5"], website.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Csv_IsTheTableOnTheScreen_ForTheSamePeriod()
    {
        using var response = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, "/api/figures/csv/signups-by-route?from=2030-01-01&to=2030-01-13");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"In education\",\"0\",\"5\",\"5\"", csv, StringComparison.Ordinal);
        Assert.Contains("2030-01-01 to 2030-01-13", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/figures?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/figures?from=2026-05-01&to=2026-04-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/figures/csv/nothing-like-it", HttpStatusCode.NotFound)]
    [InlineData("/staff/figures?to=31-12-2026", HttpStatusCode.BadRequest)]
    public async Task BadFilters_AndUnknownTables_AreRefused(string path, HttpStatusCode expected)
    {
        using var response = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Page_ShowsEachTableWithItsChartHiddenFromScreenReaders_AndALinkToItsCsv()
    {
        using var page = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, "/staff/figures");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("aria-hidden=\"true\" focusable=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/figures/csv/signups-by-door?from=", html, StringComparison.Ordinal);
        Assert.Contains("Median days between steps", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_HasTheFiguresCard_ForAnAdmin_ButNotForAnAdviser()
    {
        using var admin = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, "/staff/");
        using var adviser = await _app.SendAsStaffAsync("adviser-amina", HttpMethod.Get, "/staff/");

        Assert.Contains("Workforce figures", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Workforce figures", await adviser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
