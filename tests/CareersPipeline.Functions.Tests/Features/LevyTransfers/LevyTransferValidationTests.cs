using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>Every mistake comes back as one 400 problem listing every field at fault.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferValidationTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await Levy.StartAsync(storage);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pledge_WithMistakes_ListsThemAll()
    {
        var input = Levy.Pledge(_app) with { Amount = 1_500m, Levels = [9], Routes = ["Space"], ContactEmail = "not-an-email", ClosesOn = null };

        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, "/api/levy/pledges", input));

        Assert.Equal(["amount", "closesOn", "contactEmail", "levels[0]", "routes[0]"], errors);
    }

    [Fact]
    public async Task Pledge_FromAnEmployerThatPaysNoLevy_IsRefused()
    {
        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, "/api/levy/pledges", Levy.Pledge(_app, employer: "MEADOW-CARE")));

        Assert.Equal(["employerCode"], errors);
    }

    [Fact]
    public async Task Pledge_ForAnUnknownEmployer_AsAdmin_IsAFieldError_WithTheOthers()
    {
        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.Admin, HttpMethod.Post, "/api/levy/pledges", Levy.Pledge(_app, employer: "NOPE") with { Amount = 10 }));

        Assert.Equal(["amount", "employerCode"], errors);
    }

    [Fact]
    public async Task Application_WithMistakes_ListsThemAll()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var input = Levy.Application(_app) with
        {
            Standard = new StandardInput("Adult care worker", 650, 8, "Care services", "SocialCare", 12, 6_000m),
            NumberOfApprentices = 0,
            StartDate = _app.Today().AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Postcodes = ["XX"],
            Details = string.Join(' ', Enumerable.Repeat("word", 201)),
        };

        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/applications", input));

        Assert.Equal(["details", "numberOfApprentices", "postcodes[0]", "standard.level", "startDate"], errors);
    }

    [Fact]
    public async Task Application_CostingMoreThanTheRemainder_IsRefused()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app, amount: 5_000m));

        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/applications", Levy.Application(_app, maxFunding: 3_000m, apprentices: 2)));

        Assert.Equal(["numberOfApprentices"], errors);
    }

    [Fact]
    public async Task Application_ToYourOwnPledge_IsRefused()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));

        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.Admin, HttpMethod.Post, $"/api/levy/pledges/{pledge.Id}/applications", Levy.Application(_app, employer: "UHNM")));

        Assert.Equal(["employerCode"], errors);
    }

    [Fact]
    public async Task Application_ToAnUnknownPledge_IsNotFound()
    {
        using var response = await _app.SendAsStaffAsync(Levy.CareHome, HttpMethod.Post, $"/api/levy/pledges/{LevyIds.NewPledge()}/applications", Levy.Application(_app));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bodies_ThatAreNotJson_OrTooLongAReason_AreProblems()
    {
        var pledge = await _app.CreatePledgeAsync(Levy.Pledge(_app));
        var applied = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));

        using var brokenResponse = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, "/api/levy/pledges", new StringContent("{\"amount\": \"lots\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, brokenResponse.StatusCode);

        using var textResponse = await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{applied.Id}/reject", new StringContent("no", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textResponse.StatusCode);

        var errors = await ErrorsAsync(await _app.SendAsStaffAsync(Levy.Payer, HttpMethod.Post, $"/api/levy/applications/{applied.Id}/reject", new DecisionInput(new string('x', 501))));
        Assert.Equal(["reason"], errors);
        Assert.Equal(ApplicationStatus.Pending, (await _app.ApplicationAsync(applied.Id)).Status);
    }

    private static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        }
    }
}
