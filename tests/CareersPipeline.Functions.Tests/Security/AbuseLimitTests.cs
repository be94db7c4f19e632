using System.Net;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Tests.Features.Site;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>Finding 5: one client floods the sign-up doors, or one address is signed up again and again.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AbuseLimitTests(AzuriteFixture storage)
{
    [Fact]
    public async Task TwoHundredSignUpsFromOneClient_Get429sWithRetryAfter_NoServerError_AndAtMostAHandfulOfEmailsToOneAddress()
    {
        await using var app = await StartAsync(clientPermits: 40, addressPermits: 3);
        var email = SignUpBodies.UniqueEmail("flood");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), SignUpBodies.Valid(Door.Website, email));
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}"));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 160, $"only {refused.Count} of 200 were refused");
        Assert.All(refused, r => Assert.True(r.RetryAfter > TimeSpan.Zero, "a 429 without Retry-After"));
        Assert.All(refused, r => Assert.Contains("Too many requests", r.Body, StringComparison.Ordinal));

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.InRange(accepted, 1, 3);
        var id = SignUpBodies.ReadJsonAsync(new HttpResponseMessage { Content = new StringContent(responses.First(r => r.StatusCode == HttpStatusCode.Accepted).Body) });
        var applicantId = (await id).GetProperty("applicantId").GetString()!;
        await app.WaitForEmailAsync(applicantId, Core.Email.EmailKind.Confirmation);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange((await app.OutboxForAsync(applicantId)).Count, 1, 3);
    }

    [Fact]
    public async Task ConcurrentSignUpsForOneAddress_AllSucceedOrAreRefusedCleanly_NeverA500()
    {
        await using var app = await StartAsync(clientPermits: 1000, addressPermits: 1000);
        var email = SignUpBodies.UniqueEmail("race");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 25).Select(async _ =>
        {
            using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), SignUpBodies.Valid(Door.Website, email));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests, $"{(int)s}"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("RequestFailedException", StringComparison.Ordinal) && l.Contains("409", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SiteForm_WithTheHoneypotFilled_IsThankedButNothingIsSubmitted()
    {
        await using var app = await StartAsync(clientPermits: 1000, addressPermits: 1000);
        using var http = app.NoRedirects();

        // Otherwise empty: had it reached the sign-up service it would come back as the form with errors (400).
        using var response = await http.PostAsync("/api/site/signups/website", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["preferredLanguage"] = "en",
            ["email"] = SignUpBodies.UniqueEmail("robot"),
            [Core.Features.Site.SignUpForm.HoneypotField] = "https://spam.example",
        }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/sign-up/done/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteForm_FromOneClient_IsRateLimitedToo()
    {
        await using var app = await StartAsync(clientPermits: 2, addressPermits: 1000);
        using var http = app.NoRedirects();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("/api/site/signups/website", new FormUrlEncodedContent(new Dictionary<string, string> { ["preferredLanguage"] = "en" }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task<TestApp> StartAsync(int clientPermits, int addressPermits)
    {
        var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?>
        {
            [AbuseLimits.ClientPermitsSetting] = clientPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AbuseLimits.AddressPermitsSetting] = addressPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.SeedReferenceDataAsync();
        return app;
    }
}
