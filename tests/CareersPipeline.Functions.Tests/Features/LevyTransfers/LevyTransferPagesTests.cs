using System.Net;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>
/// Levy transfers through the staff pages, as a browser with JavaScript off uses them: the pledge owner sees what needs a
/// decision and approves; the applicant accepts; a rejection needs its reason; a stale decision gets the conflict page;
/// nobody else sees or decides anything.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferPagesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await Levy.StartAsync(storage);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Owner_ApprovesThroughThePages_AndTheApplicantAcceptsTheFunding()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));
        using var owner = await StaffBrowserSession.SignInAsync(_app, Levy.Payer);
        var page = $"/staff/levy/applications/{applied.Id}";

        var (_, home) = await owner.GetAsync("/staff/");
        var (_, pledgePage) = await owner.GetAsync($"/staff/levy/pledges/{pledge.Id}");
        using var approved = await owner.SubmitAsync(page, $"{page}/approve", []);

        Assert.Contains("Levy applications awaiting your decision: 1", home, StringComparison.Ordinal);
        Assert.Contains("Remaining", pledgePage, StringComparison.Ordinal);
        Assert.Contains("£10,000", pledgePage, StringComparison.Ordinal);
        Assert.Contains("75%", pledgePage, StringComparison.Ordinal);
        Assert.Contains("Meadow View", pledgePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(page, approved.Headers.Location!.OriginalString);
        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(applied.Id)).Status);

        using var applicant = await StaffBrowserSession.SignInAsync(_app, Levy.CareHome);
        var (_, overview) = await applicant.GetAsync("/staff/levy");
        using var accepted = await applicant.SubmitAsync(page, $"{page}/accept", []);

        Assert.Contains(page, overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(ApplicationStatus.Accepted, (await _app.ApplicationAsync(applied.Id)).Status);
    }

    [Fact]
    public async Task Reject_WithoutAReason_ShowsTheErrorSummary_AndWithOne_Rejects()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));
        using var owner = await StaffBrowserSession.SignInAsync(_app, Levy.Payer);
        var reject = $"/staff/levy/applications/{applied.Id}/reject";

        using var noReason = await owner.SubmitAsync(reject, reject, new() { ["rejectionReason"] = " " });
        var html = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#rejectionReason\"", html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(applied.Id)).Status);

        using var rejected = await owner.SubmitAsync(reject, reject, new() { ["rejectionReason"] = "Outside our priorities this year" });

        Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        var stored = await _app.ApplicationAsync(applied.Id);
        Assert.Equal(ApplicationStatus.Rejected, stored.Status);
        Assert.Equal("Outside our priorities this year", stored.History[^1].Reason);
        await _app.ActAsync(Levy.Payer, (await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5))).Id, "reject", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADecisionOnAnApplicationThatChanged_GetsTheConflictPage()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));
        using var owner = await StaffBrowserSession.SignInAsync(_app, Levy.Payer);
        var page = $"/staff/levy/applications/{applied.Id}";
        var (_, seen) = await owner.GetAsync(page);
        var version = StaffBrowserSession.FormVersion(seen, $"{page}/approve")!;

        // The applicant withdraws while the owner is looking at it.
        await _app.ActAsync(Levy.CareHome, applied.Id, "withdraw");
        using var stale = await owner.SubmitAsync(page, $"{page}/approve", new() { ["version"] = version });
        using var staleApi = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{applied.Id}/approve", null, version);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this first", html, StringComparison.Ordinal);
        Assert.Contains("Withdrawn", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleApi.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, (await _app.ApplicationAsync(applied.Id)).Status);
    }

    [Theory]
    [InlineData(Levy.OtherPayer, "/staff/levy/applications/{app}", HttpStatusCode.NotFound)]
    [InlineData(Levy.OtherPayer, "/staff/levy/applications/{app}/reject", HttpStatusCode.NotFound)]
    [InlineData(Levy.OtherPayer, "/staff/levy/pledges/{pledge}", HttpStatusCode.NotFound)]
    [InlineData(Levy.CareHome, "/staff/levy/pledges/{pledge}", HttpStatusCode.NotFound)]
    [InlineData(Levy.OtherPayer, "/staff/levy/applications/a000000000000000000000000", HttpStatusCode.NotFound)]
    [InlineData(Levy.Adviser, "/staff/levy", HttpStatusCode.Forbidden)]
    [InlineData(Levy.Adviser, "/staff/levy/applications/{app}", HttpStatusCode.Forbidden)]
    [InlineData(null, "/staff/levy", HttpStatusCode.Redirect)]
    public async Task AnotherOrganisationsStaff_SeeNothing(string? actor, string path, HttpStatusCode expected)
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));
        using var session = actor is null ? new StaffBrowserSession(_app) : await StaffBrowserSession.SignInAsync(_app, actor);

        var (response, html) = await session.GetAsync(path.Replace("{app}", applied.Id, StringComparison.Ordinal).Replace("{pledge}", pledge.Id, StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("dementia unit", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Levy.OtherPayer, "approve")]
    [InlineData(Levy.OtherPayer, "reject")]
    [InlineData(Levy.OtherPayer, "accept")]
    [InlineData(Levy.CareHome, "approve")]
    [InlineData(Levy.Adviser, "approve")]
    public async Task ADecisionByAnyoneButTheOwner_ChangesNothing(string actor, string verb)
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));
        using var stranger = await StaffBrowserSession.SignInAsync(_app, actor);

        using var response = await stranger.SubmitAsync("/staff/", $"/staff/levy/applications/{applied.Id}/{verb}", new() { ["rejectionReason"] = "Because" });

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(applied.Id)).Status);
    }
}
