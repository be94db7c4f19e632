using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.Staff;

/// <summary>Who may call staff endpoints, in each runtime mode and with each way of signing in.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StaffAuthenticationTests(AzuriteFixture storage) : IDisposable
{
    private const string Audience = "api://careers-pipeline-test";
    private readonly WireMockServer _identityProvider = WireMockServer.Start();
    private readonly RSA _signingKey = RSA.Create(2048);

    public void Dispose()
    {
        _identityProvider.Stop();
        _signingKey.Dispose();
    }

    [Fact]
    public async Task LocalMode_DevSignIn_ActsAsTheSeededUser()
    {
        await using var app = await StartAsync(RuntimeMode.Local);

        using var response = await SendAsync(app, StaffAuthentication.DevUserHeader, "employer-potteries");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("employer-potteries", me.GetProperty("subjectId").GetString());
        Assert.Equal(["HANLEY-HC", "HOMECARE-ST"], me.GetProperty("employerCodes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task HostedMode_DevSignIn_IsIgnored()
    {
        await using var app = await StartAsync(RuntimeMode.Hosted);

        using var response = await SendAsync(app, StaffAuthentication.DevUserHeader, "admin-ics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HostedMode_AppServicePrincipalHeader_IsAccepted()
    {
        // Only with App Service Authentication on does the platform strip a client's copy (Security/ tests the other side).
        await using var app = await StartAsync(RuntimeMode.Hosted, appServiceAuthentication: true);

        using var response = await SendAsync(app, ClientPrincipal.HeaderName, PrincipalHeader("admin-ics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LocalMode_AppServicePrincipalHeader_IsNotTrusted()
    {
        await using var app = await StartAsync(RuntimeMode.Local);

        using var response = await SendAsync(app, ClientPrincipal.HeaderName, PrincipalHeader("admin-ics"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedInButNotInTheDirectory_IsForbidden()
    {
        await using var app = await StartAsync(RuntimeMode.Local);

        using var response = await SendAsync(app, StaffAuthentication.DevUserHeader, "someone-unknown");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task NobodySignedIn_IsUnauthorizedWithAChallenge()
    {
        await using var app = await StartAsync(RuntimeMode.Local);

        using var response = await app.Http.GetAsync("/api/staff/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntraBearerToken_Valid_IsAccepted()
    {
        StubIdentityProvider();
        await using var app = await StartAsync(RuntimeMode.Hosted);

        using var response = await SendAsync(app, "Authorization", "Bearer " + Token("adviser-amina", Audience, _signingKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntraBearerToken_ForAnotherAudience_IsRefused()
    {
        StubIdentityProvider();
        await using var app = await StartAsync(RuntimeMode.Hosted);

        using var response = await SendAsync(app, "Authorization", "Bearer " + Token("adviser-amina", "api://someone-else", _signingKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraBearerToken_SignedWithAnotherKey_IsRefused()
    {
        StubIdentityProvider();
        await using var app = await StartAsync(RuntimeMode.Hosted);
        using var forger = RSA.Create(2048);

        using var response = await SendAsync(app, "Authorization", "Bearer " + Token("admin-ics", Audience, forger));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<TestApp> StartAsync(RuntimeMode mode, bool appServiceAuthentication = false)
    {
        var app = await TestApp.StartAsync(storage, mode, new Dictionary<string, string?>
        {
            ["ENTRA_AUTHORITY"] = _identityProvider.Url,
            ["ENTRA_AUDIENCE"] = Audience,
            [AppServiceAuthentication.EnabledSetting] = appServiceAuthentication ? "True" : null,
        });
        await app.Services.GetRequiredService<Core.Storage.StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        await app.StoreDemoStaffAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        request.Headers.TryAddWithoutValidation(header, value);
        return await app.Http.SendAsync(request);
    }

    private static string PrincipalHeader(string objectId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = new[] { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId }, new { typ = "name", val = "Test" } },
        })));

    private string Token(string objectId, string audience, RSA key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _identityProvider.Url,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("oid", objectId)]),
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>An OpenID Connect provider as Entra ID publishes one: discovery document and signing keys.</summary>
    private void StubIdentityProvider()
    {
        var parameters = _signingKey.ExportParameters(includePrivateParameters: false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid = "test-key", alg = "RS256", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } },
        });
        var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = _identityProvider.Url!,
            ["jwks_uri"] = _identityProvider.Url + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        _identityProvider.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(discovery));
        _identityProvider.Given(Request.Create().WithPath("/keys").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }
}
