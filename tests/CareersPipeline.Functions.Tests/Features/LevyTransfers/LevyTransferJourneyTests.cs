using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>From a levy payer's pledge to a funded place the public can find, and every move of an application along the way.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferJourneyTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await Levy.StartAsync(storage);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PayerPledges_CareHomeApplies_PayerApproves_CareHomeAccepts_ThePlaceIsInThePublicSearch()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        Assert.Equal((10_000m, 0m, PledgeStatus.Open), (pledge.Remaining, pledge.Reserved, pledge.Status));

        using (var browse = await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Get, "/api/levy/open-pledges"))
        {
            var open = Assert.Single(await browse.ReadAsync<List<OpenPledgeView>>(), p => p.Id == pledge.Id);
            Assert.Equal(LevyRules.AnonymousEmployerName, open.EmployerName);
            Assert.DoesNotContain("priya", await browse.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 4_000m, apprentices: 2));
        Assert.Equal(ApplicationStatus.Pending, applied.Status);
        Assert.Equal(100, applied.Match.Percentage);
        Assert.Equal(8_000m, applied.Cost);
        Assert.Equal(8_000m, applied.CostProjection.Sum(y => y.Amount));
        Assert.Equal(LevyRules.AnonymousEmployerName, applied.PledgeEmployerName);
        Assert.Null(applied.PledgeEmployerCode);

        using (var owners = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Get, $"/api/levy/pledges/{pledge.Id}/applications"))
        {
            var seen = Assert.Single(await owners.ReadAsync<List<ApplicationView>>());
            Assert.Equal(("MEADOW-CARE", "jo.clarke@example.org"), (seen.EmployerCode, seen.ContactEmail));
        }

        var approved = await _app.ActAsync(Levy.Payer, applied.Id, "approve", reason: "A good fit for our care pathway");
        Assert.Equal(ApplicationStatus.Approved, approved!.Status);
        Assert.Equal("University Hospitals of North Midlands NHS Trust", (await _app.ApplicationAsync(applied.Id)).PledgeEmployerName);
        Assert.Equal((2_000m, 8_000m), ((await _app.PledgeAsync(pledge.Id)).Remaining, (await _app.PledgeAsync(pledge.Id)).Reserved));

        var accepted = await _app.ActAsync(Levy.CareHome, applied.Id, "accept");
        Assert.Equal(ApplicationStatus.Accepted, accepted!.Status);
        Assert.Equal(LevyIds.PlaceFor(applied.Id), accepted.OpportunityId);

        var search = await _app.Services.GetRequiredService<OpportunitySearch>().SearchAsync(new OpportunityQuery(Kind: OpportunityKind.LevyFundedPlace, PageSize: 100), CancellationToken.None);
        var place = Assert.Single(search.Items, o => o.Id == accepted.OpportunityId);
        Assert.Equal(("Meadow View Care Home", 2, true, OpportunityStatus.Live), (place.EmployerName, place.Positions, place.LevyFunded, place.Status));
        var stored = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(place.Id, CancellationToken.None))!.Value;
        Assert.Equal(new LevyFunding(pledge.Id, applied.Id), stored.LevyFunding);
        Assert.Equal("MEADOW-CARE", stored.EmployerCode);

        var history = (await _app.ApplicationAsync(applied.Id)).History;
        Assert.Equal([(ApplicationStatus.Pending, ApplicationStatus.Approved, Levy.Payer), (ApplicationStatus.Approved, ApplicationStatus.Accepted, Levy.CareHome)], history.Select(h => (h.From, h.To, h.By)));
        Assert.Equal("A good fit for our care pathway", history[0].Reason);
    }

    [Fact]
    public async Task EachStep_EmailsThePledgeOwner_AndEachDecisionTheApplicantToo()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        await _app.ActAsync(Levy.Payer, applied.Id, "approve");
        await _app.ActAsync(Levy.CareHome, applied.Id, "accept");

        var emails = await _app.WaitForEmailsAsync(applied.Id, 5);

        Assert.All(emails, e => Assert.Equal(EmailKind.LevyTransferUpdate, e.Kind));
        Assert.Equal(3, emails.Count(e => e.To == "priya.shah@example.org"));
        Assert.Equal(2, emails.Count(e => e.To == "jo.clarke@example.org"));
        Assert.Contains(emails, e => e.To == "priya.shah@example.org" && e.Subject == "Levy transfer: new application from Meadow View Care Home");
        Assert.Contains(emails, e => e.To == "jo.clarke@example.org" && e.Subject == "Levy transfer: application approved");
        Assert.Contains(emails, e => e.To == "jo.clarke@example.org" && e.Subject == "Levy transfer: application accepted");
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("example.org", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task UndoingAnApproval_DecliningAndWithdrawingAfterAcceptance_GiveTheMoneyBack()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        var first = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m));
        var second = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m, employer: "HOMECARE-ST"), Levy.Potteries);

        await _app.ActAsync(Levy.Payer, first.Id, "approve");
        await _app.ActAsync(Levy.Payer, first.Id, "undo-approval", reason: "Approved the wrong one");
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(first.Id)).Status);

        await _app.ActAsync(Levy.Payer, first.Id, "approve");
        await _app.ActAsync(Levy.CareHome, first.Id, "decline", reason: "We found another provider");
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);

        await _app.ActAsync(Levy.Payer, second.Id, "approve");
        var accepted = await _app.ActAsync(Levy.Potteries, second.Id, "accept");
        Assert.Equal(7_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        var withdrawn = await _app.ActAsync(Levy.Potteries, second.Id, "withdraw");
        Assert.Equal(ApplicationStatus.WithdrawnAfterAcceptance, withdrawn!.Status);
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        var place = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(accepted!.OpportunityId!, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Closed, place.Status);
    }

    [Fact]
    public async Task RecordingFundsUsed_KeepsTheMoneySpent_AndClosesThePlaceAsFilled()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 5_000m));
        await _app.ActAsync(Levy.Payer, applied.Id, "approve");
        await _app.ActAsync(Levy.CareHome, applied.Id, "accept");

        var used = await _app.ActAsync(Levy.CareHome, applied.Id, "funds-used");

        Assert.Equal(ApplicationStatus.FundsUsed, used!.Status);
        Assert.Equal(5_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
        var place = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(used.OpportunityId!, CancellationToken.None))!.Value;
        Assert.Equal((OpportunityStatus.Closed, ClosureReason.Filled), (place.Status, place.ClosureReason));
    }

    [Fact]
    public async Task IllegalMoves_AreRefusedWithConflict_AndChangeNothing()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));

        await _app.ActAsync(Levy.CareHome, applied.Id, "accept", HttpStatusCode.Conflict);
        await _app.ActAsync(Levy.CareHome, applied.Id, "decline", HttpStatusCode.Conflict);
        await _app.ActAsync(Levy.CareHome, applied.Id, "funds-used", HttpStatusCode.Conflict);
        await _app.ActAsync(Levy.Payer, applied.Id, "undo-approval", HttpStatusCode.Conflict);
        await _app.ActAsync(Levy.Payer, applied.Id, "reject", reason: "Outside our priorities");
        await _app.ActAsync(Levy.Payer, applied.Id, "approve", HttpStatusCode.Conflict);
        await _app.ActAsync(Levy.CareHome, applied.Id, "withdraw", HttpStatusCode.Conflict);

        var final = await _app.ApplicationAsync(applied.Id);
        Assert.Equal(ApplicationStatus.Rejected, final.Status);
        Assert.Single(final.History);
        Assert.Equal(10_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
    }

    [Fact]
    public async Task ImmediateAutoApproval_ApprovesA100PercentMatchAsItArrives_ButNotALesserOne()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, autoApproval: AutoApproval.Immediate));

        var exact = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 2));
        var partial = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, level: 5));

        Assert.Equal(ApplicationStatus.Approved, exact.Status);
        Assert.Equal(LevyRules.Systems.AutoApproval, Assert.Single(exact.History).By);
        Assert.Equal((ApplicationStatus.Pending, 75), (partial.Status, partial.Match.Percentage));
        Assert.Equal(6_000m, (await _app.PledgeAsync(pledge.Id)).Remaining);
    }

    [Fact]
    public async Task ClosingAPledge_RejectsWhatIsPending_KeepsWhatIsApproved_AndHidesItFromBrowsing()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var approved = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        var pending = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        await _app.ActAsync(Levy.Payer, approved.Id, "approve");

        using var close = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/close", new DecisionInput("Budget moved to our own apprentices"));

        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = await close.ReadAsync<PledgeView>();
        Assert.Equal((PledgeStatus.Closed, PledgeClosureReason.Manual, 6_000m), (closed.Status, closed.Closure!.Reason, closed.Remaining));
        Assert.Equal(ApplicationStatus.Rejected, (await _app.ApplicationAsync(pending.Id)).Status);
        Assert.Equal(ApplicationStatus.Approved, (await _app.ApplicationAsync(approved.Id)).Status);
        await _app.ActAsync(Levy.CareHome, approved.Id, "accept");
        using var browse = await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Get, "/api/levy/open-pledges");
        Assert.DoesNotContain(await browse.ReadAsync<List<OpenPledgeView>>(), p => p.Id == pledge.Id);
        using var apply = await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/applications", Levy.Application(_app));
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);
        using var again = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/close");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
