using System.Net;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>
/// Who may call what. Nobody signed in: 401. An adviser: 403. Another organisation's pledge or application by id:
/// 404, as if it did not exist. Naming an employer you do not act for (in a body or ?employer=): 403. One party
/// trying the other party's move: 403. Admins may do everything. Every refusal is problem details and changes nothing.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferAuthorisationTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;
    private string _pledge = null!;
    private string _application = null!;

    private static readonly string[] OwnerVerbs = ["approve", "reject", "undo-approval"];
    private static readonly string[] ApplicantVerbs = ["accept", "decline", "withdraw", "funds-used"];

    public async Task InitializeAsync()
    {
        _app = await Levy.StartAsync(storage);
        _pledge = (await _app.CreatePledgeAsync(Levy.Pledge(_app))).Id;
        _application = (await _app.ApplyAsync(_pledge, Levy.Application(_app))).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IEnumerable<(HttpMethod Method, string Path, object? Body)> Endpoints()
    {
        yield return (HttpMethod.Post, "/api/levy/pledges", Levy.Pledge(_app));
        yield return (HttpMethod.Get, "/api/levy/pledges", null);
        yield return (HttpMethod.Get, $"/api/levy/pledges/{_pledge}", null);
        yield return (HttpMethod.Post, $"/api/levy/pledges/{_pledge}/close", null);
        yield return (HttpMethod.Get, $"/api/levy/pledges/{_pledge}/applications", null);
        yield return (HttpMethod.Post, $"/api/levy/pledges/{_pledge}/applications", Levy.Application(_app));
        yield return (HttpMethod.Get, "/api/levy/open-pledges", null);
        yield return (HttpMethod.Get, $"/api/levy/open-pledges/{_pledge}", null);
        yield return (HttpMethod.Get, "/api/levy/applications", null);
        yield return (HttpMethod.Get, $"/api/levy/applications/{_application}", null);
        foreach (var verb in OwnerVerbs.Concat(ApplicantVerbs))
        {
            yield return (HttpMethod.Post, $"/api/levy/applications/{_application}/{verb}", null);
        }
    }

    [Fact]
    public async Task EveryEndpoint_NobodySignedIn_Is401_AndAnAdviser_Is403()
    {
        var cases = Endpoints().SelectMany(e => new[]
        {
            (Caller: (string?)null, e.Method, e.Path, e.Body, Expected: HttpStatusCode.Unauthorized),
            (Caller: Levy.Adviser, e.Method, e.Path, e.Body, Expected: HttpStatusCode.Forbidden),
            (Caller: "someone-not-in-the-directory", e.Method, e.Path, e.Body, Expected: HttpStatusCode.Forbidden),
        });

        Assert.Empty(await MismatchesAsync(cases));
        Assert.Equal(17, Endpoints().Count());
        await AssertUntouchedAsync();
    }

    [Theory]
    [InlineData(Levy.OtherPayer)]
    [InlineData(Levy.Potteries)]
    public async Task AnotherOrganisation_ById_IsNotFound(string stranger)
    {
        var cases = new List<(string?, HttpMethod, string, object?, HttpStatusCode)>
        {
            (stranger, HttpMethod.Get, $"/api/levy/pledges/{_pledge}", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Post, $"/api/levy/pledges/{_pledge}/close", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Get, $"/api/levy/pledges/{_pledge}/applications", null, HttpStatusCode.NotFound),
            (stranger, HttpMethod.Get, $"/api/levy/applications/{_application}", null, HttpStatusCode.NotFound),
        };
        cases.AddRange(OwnerVerbs.Concat(ApplicantVerbs).Select(v => ((string?)stranger, HttpMethod.Post, $"/api/levy/applications/{_application}/{v}", (object?)null, HttpStatusCode.NotFound)));

        Assert.Empty(await MismatchesAsync(cases));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task TheApplicant_CannotReadOrCloseTheOwnersPledge()
    {
        Assert.Empty(await MismatchesAsync(
        [
            (Levy.CareHome, HttpMethod.Get, $"/api/levy/pledges/{_pledge}", null, HttpStatusCode.NotFound),
            (Levy.CareHome, HttpMethod.Post, $"/api/levy/pledges/{_pledge}/close", null, HttpStatusCode.NotFound),
            (Levy.CareHome, HttpMethod.Get, $"/api/levy/pledges/{_pledge}/applications", null, HttpStatusCode.NotFound),
            (Levy.CareHome, HttpMethod.Get, $"/api/levy/open-pledges/{_pledge}", null, HttpStatusCode.OK),
        ]));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task NamingAnEmployerYouDoNotActFor_IsForbidden()
    {
        Assert.Empty(await MismatchesAsync(
        [
            (Levy.OtherPayer, HttpMethod.Post, "/api/levy/pledges", Levy.Pledge(_app, employer: "UHNM"), HttpStatusCode.Forbidden),
            (Levy.CareHome, HttpMethod.Post, "/api/levy/pledges", Levy.Pledge(_app, employer: "UHNM"), HttpStatusCode.Forbidden),
            (Levy.OtherPayer, HttpMethod.Get, "/api/levy/pledges?employer=UHNM", null, HttpStatusCode.Forbidden),
            (Levy.Potteries, HttpMethod.Post, $"/api/levy/pledges/{_pledge}/applications", Levy.Application(_app, employer: "MEADOW-CARE"), HttpStatusCode.Forbidden),
            (Levy.Payer, HttpMethod.Get, "/api/levy/applications?employer=MEADOW-CARE", null, HttpStatusCode.Forbidden),
            (Levy.Potteries, HttpMethod.Get, "/api/levy/applications?employer=MEADOW-CARE", null, HttpStatusCode.Forbidden),
        ]));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task EachParty_CannotMakeTheOtherPartysMoves()
    {
        var cases = OwnerVerbs.Select(v => ((string?)Levy.CareHome, HttpMethod.Post, $"/api/levy/applications/{_application}/{v}", (object?)null, HttpStatusCode.Forbidden))
            .Concat(ApplicantVerbs.Select(v => ((string?)Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{_application}/{v}", (object?)null, HttpStatusCode.Forbidden)));

        Assert.Empty(await MismatchesAsync(cases));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task Lists_ShowOnlyYourOwn_AndAdminsEverything()
    {
        Assert.DoesNotContain(await ListAsync<PledgeView>(Levy.OtherPayer, "/api/levy/pledges"), p => p.Id == _pledge);
        Assert.DoesNotContain(await ListAsync<PledgeView>(Levy.CareHome, "/api/levy/pledges"), p => p.Id == _pledge);
        Assert.Contains(await ListAsync<PledgeView>(Levy.Payer, "/api/levy/pledges?employer=uhnm"), p => p.Id == _pledge);
        Assert.Contains(await ListAsync<PledgeView>(Levy.Admin, "/api/levy/pledges"), p => p.Id == _pledge);

        Assert.DoesNotContain(await ListAsync<ApplicationView>(Levy.Payer, "/api/levy/applications"), a => a.Id == _application);
        Assert.DoesNotContain(await ListAsync<ApplicationView>(Levy.Potteries, "/api/levy/applications"), a => a.Id == _application);
        Assert.Contains(await ListAsync<ApplicationView>(Levy.CareHome, "/api/levy/applications?employer=MEADOW-CARE"), a => a.Id == _application);
        Assert.Contains(await ListAsync<ApplicationView>(Levy.Admin, "/api/levy/applications"), a => a.Id == _application);
        Assert.Contains(await ListAsync<ApplicationView>(Levy.Payer, $"/api/levy/pledges/{_pledge}/applications"), a => a.Id == _application);

        Assert.Contains(await ListAsync<OpenPledgeView>(Levy.OtherPayer, "/api/levy/open-pledges"), p => p.Id == _pledge);
    }

    [Fact]
    public async Task BothParties_ReadTheApplication_AndAnAdminActsForEitherSide()
    {
        Assert.Empty(await MismatchesAsync(
        [
            (Levy.Payer, HttpMethod.Get, $"/api/levy/applications/{_application}", null, HttpStatusCode.OK),
            (Levy.CareHome, HttpMethod.Get, $"/api/levy/applications/{_application}", null, HttpStatusCode.OK),
            (Levy.Admin, HttpMethod.Get, $"/api/levy/pledges/{_pledge}/applications", null, HttpStatusCode.OK),
        ]));

        var adminPledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, employer: "MPFT"), Levy.Admin);
        var adminApplication = await _app.ApplyAsync(adminPledge.Id, Levy.Application(_app, employer: "HOMECARE-ST"), Levy.Admin);
        await _app.ActAsync(Levy.Admin, adminApplication.Id, "approve");
        await _app.ActAsync(Levy.Admin, adminApplication.Id, "accept");
        using var close = await _app.SendAsStaffAsync(Levy.Admin, HttpMethod.Post, $"/api/levy/pledges/{adminPledge.Id}/close");
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal(ApplicationStatus.Accepted, (await _app.ApplicationAsync(adminApplication.Id)).Status);
    }

    private async Task<List<string>> MismatchesAsync(IEnumerable<(string? Caller, HttpMethod Method, string Path, object? Body, HttpStatusCode Expected)> cases)
    {
        var mismatches = new List<string>();
        foreach (var (caller, method, path, body, expected) in cases)
        {
            using var response = await _app.SendAsStaffAsync(caller, method, path, body);
            if (response.StatusCode != expected)
            {
                mismatches.Add($"{caller ?? "nobody"} {method} {path}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
            else if (expected != HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                mismatches.Add($"{caller ?? "nobody"} {method} {path}: {(int)expected} without problem details");
            }
        }

        return mismatches;
    }

    private async Task<List<T>> ListAsync<T>(string caller, string path)
    {
        using var response = await _app.SendAsStaffAsync(caller, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<List<T>>();
    }

    /// <summary>Refused calls changed nothing: the pledge is open and untouched, the application pending.</summary>
    private async Task AssertUntouchedAsync()
    {
        var pledge = await _app.PledgeAsync(_pledge);
        Assert.Equal((PledgeStatus.Open, 10_000m), (pledge.Status, pledge.Remaining));
        var application = await _app.ApplicationAsync(_application);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Empty(application.History);
    }
}
