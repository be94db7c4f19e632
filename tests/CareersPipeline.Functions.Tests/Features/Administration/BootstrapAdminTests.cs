using System.Net;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>A deployment from nothing: the first admin comes from BOOTSTRAP_ADMIN_EMAILS, and only while there is no admin.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BootstrapAdminTests(AzuriteFixture storage)
{
    [Fact]
    public async Task AListedAddress_BecomesAdminAtFirstSignIn_OnlyWhileThereIsNoAdmin()
    {
        await using var app = await StartAsync();
        await app.ResetStaffAsync(demoStaff: false);

        using var stranger = await app.SendAsEntraAsync("aaaaaaaa-0000-0000-0000-000000000001", "someone@example.nhs.uk", HttpMethod.Get, "/api/manage/staff");
        using var first = await app.SendAsEntraAsync("aaaaaaaa-0000-0000-0000-000000000002", "Lead@Example.nhs.uk", HttpMethod.Get, "/api/manage/staff");
        using var second = await app.SendAsEntraAsync("aaaaaaaa-0000-0000-0000-000000000003", "deputy@example.nhs.uk", HttpMethod.Get, "/api/manage/staff");

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var admin = Assert.Single((await first.JsonAsync()).EnumerateArray());
        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000002", admin.GetProperty("id").GetString());
        Assert.Equal("lead@example.nhs.uk", admin.GetProperty("email").GetString());

        // Listed too, but an admin exists now: the setting does nothing.
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        var logged = Assert.Single(app.Logs.Lines, l => l.Contains("BOOTSTRAP_ADMIN_EMAILS", StringComparison.Ordinal));
        Assert.DoesNotContain("lead@", logged, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TwoListedPeopleSigningInAtOnce_MakeOneAdmin()
    {
        await using var app = await StartAsync();
        await app.ResetStaffAsync(demoStaff: false);

        var answers = await Task.WhenAll(
            app.SendAsEntraAsync("bbbbbbbb-0000-0000-0000-000000000001", "lead@example.nhs.uk", HttpMethod.Get, "/api/staff/me"),
            app.SendAsEntraAsync("bbbbbbbb-0000-0000-0000-000000000002", "deputy@example.nhs.uk", HttpMethod.Get, "/api/staff/me"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Forbidden], answers.Select(a => a.StatusCode).Order());
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task WithTheDevelopmentSignIn_NothingIsBootstrapped()
    {
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["BOOTSTRAP_ADMIN_EMAILS"] = "lead@example.nhs.uk" });
        await app.ResetStaffAsync(demoStaff: false);

        using var response = await app.SendAsync("lead@example.nhs.uk", HttpMethod.Get, "/api/manage/staff");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<TestApp> StartAsync() =>
        TestApp.StartAsync(storage, RuntimeMode.Hosted, new Dictionary<string, string?>
        {
            [AppServiceAuthentication.EnabledSetting] = "True",
            ["BOOTSTRAP_ADMIN_EMAILS"] = "lead@example.nhs.uk, deputy@example.nhs.uk",
        });
}
