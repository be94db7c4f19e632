using System.Net.Http.Headers;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>Finding 8: answers carrying personal data are not cached, pages cannot be framed or load others' code.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SecurityHeaderTests(AzuriteFixture storage)
{
    [Fact]
    public async Task PageBehindAnEmailLink_HasAStrictPolicy_NoFraming_NoReferrer_AndIsNotStored()
    {
        await using var app = await TestApp.StartAsync(storage);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/signups/verify-email?token=not.a.token");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await app.Http.SendAsync(request);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task StaffJson_IsNotStored_AndNotSniffed()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedStaffAsync();

        using var response = await app.SendAsStaffAsync("admin-ics", HttpMethod.Get, "/api/staff/me");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS on plain-HTTP local mode");
    }

    [Fact]
    public async Task HostedMode_SendsHsts()
    {
        await using var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted);

        using var response = await app.Http.GetAsync("/");

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public void Policy_AllowsTheStaticSitesOriginForItsStylesheetAndScript()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy("https://careers.example.org/some/path");

        Assert.Contains("style-src 'self' https://careers.example.org;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' https://careers.example.org ", policy, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
