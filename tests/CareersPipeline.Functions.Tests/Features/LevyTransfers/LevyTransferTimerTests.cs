using System.Globalization;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Functions.Runtime.Local;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>The rules that run on time, with the app's clock moved forward (ShiftedTimeProvider) and the jobs run from the app's services.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferTimerTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    private LevyTransferDailyJob Daily => _app.Services.GetRequiredService<LevyTransferDailyJob>();

    public async Task InitializeAsync() => _app = await Levy.StartAsync(storage);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DelayedAutoApproval_After42Days_Approves100PercentMatches_OldestFirst_WhileTheyFit()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 5_000m, autoApproval: AutoApproval.Delayed));
        var oldest = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m));
        var tooBig = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m));
        var small = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 1_500m));
        var partial = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 500m, level: 5));

        _app.Time.Offset = TimeSpan.FromDays(41);
        Assert.DoesNotContain(await Daily.AutoApproveAsync(CancellationToken.None), id => id.StartsWith(pledge.Id, StringComparison.Ordinal));

        _app.Time.Offset = TimeSpan.FromDays(43);
        await Daily.AutoApproveAsync(CancellationToken.None);

        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(oldest.Id)).Status);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(tooBig.Id)).Status);
        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(small.Id)).Status);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(partial.Id)).Status);
        Assert.Equal(500m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        Assert.Equal(LevyRules.Systems.AutoApproval, Assert.Single((await _app.ApplicationAsync(oldest.Id)).History).By);
    }

    [Fact]
    public async Task PendingOver3Months_IsRejected_UnlessAutoApprovalWouldApproveIt()
    {
        var manual = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var waiting = await _app.ApplyAsync(manual.Id, Levy.Application(_app));
        var auto = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 3_000m, autoApproval: AutoApproval.Delayed));
        var first = await _app.ApplyAsync(auto.Id, Levy.Application(_app, maxFunding: 3_000m));
        var second = await _app.ApplyAsync(auto.Id, Levy.Application(_app, maxFunding: 3_000m));

        _app.Time.Offset = TimeSpan.FromDays(80);
        await Daily.AutoRejectAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(waiting.Id)).Status);

        _app.Time.Offset = TimeSpan.FromDays(95);
        await Daily.AutoRejectAsync(CancellationToken.None);
        var rejected = await _app.ApplicationAsync(waiting.Id);
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Equal((LevyRules.Systems.AutoRejection, "No decision within 3 months."), (rejected.History[0].By, rejected.History[0].Reason));
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(first.Id)).Status);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(second.Id)).Status);

        await Daily.AutoApproveAsync(CancellationToken.None);
        await Daily.AutoRejectAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(first.Id)).Status);
        Assert.Equal(ApplicationStatus.Rejected, (await _app.ApplicationAsync(second.Id)).Status);
    }

    [Fact]
    public async Task ApprovedButNotAcceptedIn42Days_IsDeclined_AndTheMoneyReturns()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var application = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        await _app.ActAsync(Levy.Payer, application.Id, "approve");

        _app.Time.Offset = TimeSpan.FromDays(41);
        await Daily.AutoDeclineAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(application.Id)).Status);

        _app.Time.Offset = TimeSpan.FromDays(43);
        await Daily.AutoDeclineAsync(CancellationToken.None);
        var declined = await _app.ApplicationAsync(application.Id);
        Assert.Equal(ApplicationStatus.Declined, declined.Status);
        Assert.Equal(LevyRules.Systems.AutoDecline, declined.History[^1].By);
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        var emails = await _app.WaitForEmailsAsync(application.Id, 5);
        Assert.Contains(emails, e => e.To == "jo.clarke@example.org" && e.Subject == "Levy transfer: application declined" && e.Text.Contains("declined automatically", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AcceptedButUnusedFor3Months_Expires_ClosesThePlace_AndTheMoneyReturns()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var application = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        await _app.ActAsync(Levy.Payer, application.Id, "approve");
        var accepted = await _app.ActAsync(Levy.CareHome, application.Id, "accept");

        _app.Time.Offset = TimeSpan.FromDays(80);
        await Daily.ExpireAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.Accepted, (await _app.ApplicationAsync(application.Id)).Status);

        _app.Time.Offset = TimeSpan.FromDays(95);
        await Daily.ExpireAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.FundsExpired, (await _app.ApplicationAsync(application.Id)).Status);
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        var place = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(accepted!.OpportunityId!, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Closed, place.Status);
    }

    [Fact]
    public async Task Pledges_CloseWhenLessThan2000Remains_OrAtTheirCloseDate_RejectingWhatWaits()
    {
        var low = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 5_000m));
        var big = await _app.ApplyAsync(low.Id, Levy.Application(_app, maxFunding: 3_000m));
        var last = await _app.ApplyAsync(low.Id, Levy.Application(_app, maxFunding: 1_000m));
        var waiting = await _app.ApplyAsync(low.Id, Levy.Application(_app, maxFunding: 500m));
        var dated = await _app.CreatePledgeAsync(Levy.Pledge(_app) with { ClosesOn = _app.Today().AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var late = await _app.ApplyAsync(dated.Id, Levy.Application(_app));

        await _app.ActAsync(Levy.Payer, big.Id, "approve");
        await Daily.ClosePledgesAsync(CancellationToken.None);
        Assert.Equal(PledgeStatus.Open, (await _app.PledgeAsync(low.Id)).Status);

        await _app.ActAsync(Levy.Payer, last.Id, "approve");
        await Daily.ClosePledgesAsync(CancellationToken.None);
        var closed = await _app.PledgeAsync(low.Id);
        Assert.Equal((PledgeStatus.Closed, PledgeClosureReason.LowBalance, 1_000m), (closed.Status, closed.Closure!.Reason, closed.Remaining));
        var rejected = await _app.ApplicationAsync(waiting.Id);
        Assert.Equal((ApplicationStatus.Rejected, LevyRules.Systems.PledgeClosing), (rejected.Status, rejected.History[0].By));
        Assert.Equal(PledgeStatus.Open, (await _app.PledgeAsync(dated.Id)).Status);

        _app.Time.Offset = TimeSpan.FromDays(11);
        await Daily.ClosePledgesAsync(CancellationToken.None);
        Assert.Equal(PledgeClosureReason.CloseDate, (await _app.PledgeAsync(dated.Id)).Closure?.Reason);
        Assert.Equal(ApplicationStatus.Rejected, (await _app.ApplicationAsync(late.Id)).Status);
    }

    [Fact]
    public async Task WeeklySummary_EmailsEachPledgeWithPendingApplications_AndNoOther()
    {
        var busy = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        await _app.ApplyAsync(busy.Id, Levy.Application(_app));
        await _app.ApplyAsync(busy.Id, Levy.Application(_app, employer: "HOMECARE-ST"), Levy.Potteries);
        var quiet = await _app.CreatePledgeAsync(Levy.Pledge(_app));

        var sent = await _app.Services.GetRequiredService<LevyPendingSummaryJob>().RunAsync(CancellationToken.None);

        Assert.Contains(busy.Id, sent);
        Assert.DoesNotContain(quiet.Id, sent);
        var summary = Assert.Single(await _app.EmailsAsync(busy.Id));
        Assert.Equal((EmailKind.LevyTransferSummary, "priya.shah@example.org"), (summary.Kind, summary.To));
        Assert.Contains("Potteries Home Care", summary.Html, StringComparison.Ordinal);
        Assert.Contains("2 applications are waiting", summary.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyRun_FinishesAnAcceptanceWhosePlaceWasNeverCreated()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var application = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        await _app.ActAsync(Levy.Payer, application.Id, "approve");
        var accepted = await _app.ActAsync(Levy.CareHome, application.Id, "accept");
        var places = _app.Services.GetRequiredService<OpportunityStore>();
        await storage.Tables.GetTableClient(Core.Storage.StorageNames.Tables.Opportunities).DeleteEntityAsync(accepted!.OpportunityId!, OpportunityEntity.Row);

        var report = await Daily.RunAsync(CancellationToken.None);

        Assert.Contains(application.Id, report.Recovered);
        Assert.Equal(OpportunityStatus.Live, (await places.FindAsync(accepted.OpportunityId!, CancellationToken.None))!.Value.Status);
    }

    [Fact]
    public async Task TheDailyTimer_RunsTheRulesOnItsSchedule()
    {
        var app = await Levy.StartAsync(storage, new Dictionary<string, string?> { ["LEVY_TRANSFER_SCHEDULE"] = "*/1 * * * * *" });
        try
        {
            var pledge = await app.CreatePledgeAsync(Levy.Pledge(app, amount: 2_500m));
            var application = await app.ApplyAsync(pledge.Id, Levy.Application(app, maxFunding: 1_000m));
            await app.ActAsync(Levy.Payer, application.Id, "approve");

            await Eventually.TrueAsync(async () => (await app.PledgeAsync(pledge.Id)).Status == PledgeStatus.Closed, "the timer to close the pledge");
        }
        finally
        {
            await app.DisposeAsync();

            // Leave the monitor blob as a yearly schedule would, so later apps do not see a past-due run.
            var far = TimeProvider.System.GetUtcNow().AddYears(1);
            await new TimerStatusStore(storage.Blobs, new ConfigurationBuilder().Build()).WriteAsync("LevyTransferDaily", new TimerStatus(far, far, far), CancellationToken.None);
        }
    }
}
