using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>
/// "Apply" on the site's opportunity page for a person with no link in hand: their address in, the same answer
/// whoever they are, and an email with their signed link to the apply pages only to a verified sign-up.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class ApplyByEmailTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AVerifiedPerson_GetsTheLink_AndAnyAddressGetsTheSamePage()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (id, _) = await _app.VerifiedPersonAsync();
        var email = (await _app.ApplicantAsync(id)).Email;
        var path = $"/api/applications/start/{vacancy}";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var form = await http.GetAsync(path);
        using var known = await http.PostAsync(path, Form(email));
        using var unknown = await http.PostAsync(path, Form(SignUpBodies.UniqueEmail("nobody")));
        using var malformed = await http.PostAsync(path, Form("not an address"));
        using var json = await _app.PostJsonAsync(path, new { email = SignUpBodies.UniqueEmail("nobody") });
        var sent = await _app.WaitForEmailAsync(id, EmailKind.ContinueApplication);
        var link = ApplyLink().Match(sent.Text).Value;
        using var apply = await http.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Email me a link to apply", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Check your email", await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        Assert.Equal(email, sent.To);
        Assert.Contains($"/api/applications/apply/{vacancy}?token=", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        Assert.Contains("Why do you want this role?", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnverifiedSignUp_GetsNoLink()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var unverified = await _app.SignUpAsync(processed: true);
        var (verified, _) = await _app.VerifiedPersonAsync();
        var requests = _app.Services.GetRequiredService<ApplicationRequests>();

        // The handler, called directly, so that "no email" is not just "not yet".
        await requests.HandleAsync(new ContinueApplicationMessage(unverified, vacancy), CancellationToken.None);
        await requests.HandleAsync(new ContinueApplicationMessage(verified, vacancy), CancellationToken.None);

        Assert.DoesNotContain(await _app.OutboxForAsync(unverified), i => i.Kind == EmailKind.ContinueApplication);
        Assert.Contains(await _app.OutboxForAsync(verified), i => i.Kind == EmailKind.ContinueApplication);
    }

    [Fact]
    public async Task AnUnknownOpportunity_IsNotFound()
    {
        using var page = await _app.Http.GetAsync("/api/applications/start/o000000000000000000000000");
        using var asked = await _app.PostJsonAsync("/api/applications/start/o000000000000000000000000", new { email = SignUpBodies.UniqueEmail("x") });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
    }

    private static FormUrlEncodedContent Form(string email) => new(new Dictionary<string, string> { ["email"] = email });

    [GeneratedRegex(@"https?://\S+/api/applications/apply/\S+")]
    private static partial Regex ApplyLink();
}
