using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>Finding 6: someone on the internet tries to act as a member of staff, or to call the host's invocation routes.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StaffIdentityAttackTests(AzuriteFixture storage)
{
    [Fact]
    public async Task ForgedPrincipal_InHostedModeWithoutAppServiceAuthentication_Gets401OnAnAdminRoute()
    {
        await using var app = await StartAsync(appServiceAuthentication: false);

        using var response = await SendAsync(app, "/api/manage/equality/summary", ClientPrincipal.HeaderName, Forged("admin-ics"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SamePrincipal_WithAppServiceAuthenticationOn_IsTheSignedInAdmin()
    {
        // The control: with Easy Auth on the platform strips a client's copy, so the header is the platform's word.
        await using var app = await StartAsync(appServiceAuthentication: true);

        using var response = await SendAsync(app, "/api/manage/equality/summary", ClientPrincipal.HeaderName, Forged("admin-ics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HostedWithNoWayToSignStaffIn_SaysSoOnceAtStartUp()
    {
        await using var app = await StartAsync(appServiceAuthentication: false);

        Assert.Single(app.Logs.Lines, l => l.Contains("Staff sign-in is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostedWithAppServiceAuthentication_DoesNotWarn()
    {
        await using var app = await StartAsync(appServiceAuthentication: true);

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Staff sign-in is off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-ARR-LOG-ID", "5d3c1f0e-0000-0000-0000-000000000000")]
    [InlineData("X-Original-URL", "/ProcessSignUp")]
    public async Task InvocationRoute_RefusesARequestThatCameThroughTheProxy(string header, string value)
    {
        await using var app = await StartAsync(appServiceAuthentication: true);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessSignUp") { Content = new StringContent("{\"Data\":{},\"Metadata\":{}}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task InvocationRoute_StillAnswersTheHost()
    {
        await using var app = await StartAsync(appServiceAuthentication: true);

        // The host's own request: its headers only. A malformed payload fails the invocation (500), so it was run.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessSignUp") { Content = new StringContent("{\"Data\": 42", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private async Task<TestApp> StartAsync(bool appServiceAuthentication)
    {
        var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted, new Dictionary<string, string?>
        {
            [AppServiceAuthentication.EnabledSetting] = appServiceAuthentication ? "True" : null,
        });
        await app.Services.GetRequiredService<Core.Storage.StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        foreach (var staff in DemoData.Staff)
        {
            await app.Services.GetRequiredService<StaffDirectory>().UpsertAsync(staff, CancellationToken.None);
        }

        return app;
    }

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string path, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);
        return await app.Http.SendAsync(request);
    }

    /// <summary>What an attacker makes by hand: base64 JSON naming a staff member's object id.</summary>
    private static string Forged(string objectId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = new[] { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId } },
    })));
}
