using System.Net;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>The pledge's remaining amount never goes below zero, however many approvals race for it.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferConcurrencyTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await Levy.StartAsync(storage);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EightApprovalsOf3000_AgainstA10000Pledge_InParallel_ApproveExactlyThree()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        var applications = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (staff, employer) = i % 2 == 0 ? (Levy.CareHome, "MEADOW-CARE") : (Levy.Potteries, "HOMECARE-ST");
            applications.Add((await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m, employer: employer), staff)).Id);
        }

        var responses = await Task.WhenAll(applications.Select(id => _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{id}/approve")));

        try
        {
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var after = await _app.PledgeAsync(pledge.Id);
            Assert.Equal((1_000m, 9_000m), (after.Remaining, after.Reserved));
            var approved = applications.Where((_, i) => responses[i].StatusCode == HttpStatusCode.OK).ToList();
            Assert.Equal(approved.Order(StringComparer.Ordinal), after.Reservations.Select(r => r.ApplicationId).Order(StringComparer.Ordinal));
            foreach (var (id, response) in applications.Zip(responses))
            {
                var expected = response.StatusCode == HttpStatusCode.OK ? ApplicationStatus.Approved : ApplicationStatus.Pending;
                Assert.Equal(expected, (await _app.ApplicationAsync(id)).Status);
            }

            var refusal = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
            Assert.Contains("£1,000 left", refusal, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task TheSameApplication_ApprovedTwiceAtOnce_IsReservedOnce()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        var application = await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 3_000m));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{application.Id}/approve")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var after = await _app.PledgeAsync(pledge.Id);
        Assert.Equal(7_000m, after.Remaining);
        Assert.Single(after.Reservations);
        Assert.Single((await _app.ApplicationAsync(application.Id)).History);
        Array.ForEach(responses, r => r.Dispose());
    }

    [Fact]
    public async Task ApprovalRacingAWithdrawal_OneWins_AndTheMoneyFollowsTheWinner()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 10_000m));
        var applications = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            applications.Add((await _app.ApplyAsync(pledge.Id, Levy.Application(_app, maxFunding: 1_000m))).Id);
        }

        var approvals = applications.Select(id => _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{id}/approve"));
        var withdrawals = applications.Select(id => _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, $"/api/levy/applications/{id}/withdraw"));
        var responses = await Task.WhenAll(approvals.Concat(withdrawals));

        var approved = 0;
        foreach (var id in applications)
        {
            var status = (await _app.ApplicationAsync(id)).Status;
            Assert.Contains(status, new[] { ApplicationStatus.Approved, ApplicationStatus.Withdrawn });
            approved += status == ApplicationStatus.Approved ? 1 : 0;
        }

        Assert.Equal(6, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10_000m - (approved * 1_000m), (await _app.PledgeAsync(pledge.Id)).Remaining);
        Array.ForEach(responses, r => r.Dispose());
    }
}
