using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>Admins managing staff through the API: roles, invitations matched at sign-in, versions, and the last admin.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StaffAdministrationTests(AzuriteFixture storage)
{
    private const string Admin = "admin-ics";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("adviser-amina", HttpStatusCode.Forbidden)]
    [InlineData("employer-uhnm", HttpStatusCode.Forbidden)]
    [InlineData(Admin, HttpStatusCode.OK)]
    public async Task ListStaff_OnlyAdmins(string? staffId, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();

        using var response = await app.SendAsync(staffId, HttpMethod.Get, "/api/manage/staff");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Invite_ByNonAdmin_IsForbiddenAndInvitesNobody()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();

        using var response = await app.SendAsync("adviser-amina", HttpMethod.Post, "/api/manage/staff/invitations", Invitation("sneaky@example.nhs.uk", "Admin"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var list = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/staff");
        Assert.DoesNotContain("sneaky@example.nhs.uk", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_EmailsThePerson_AndTheirFirstEntraSignInTakesItUpUnderTheirObjectId()
    {
        await using var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted, new Dictionary<string, string?> { [AppServiceAuthentication.EnabledSetting] = "True" });
        await app.ResetStaffAsync();
        await app.SeedStaffAsync();
        const string adminOid = "11111111-1111-1111-1111-111111111111";
        await app.Services.GetRequiredService<Core.Staff.StaffDirectory>().UpsertAsync(new(adminOid, "Admin", new HashSet<Core.Staff.StaffRole> { Core.Staff.StaffRole.Admin }, new HashSet<string>()), CancellationToken.None);

        using var invite = await app.SendAsEntraAsync(adminOid, null, HttpMethod.Post, "/api/manage/staff/invitations", Invitation("Nadia.Ali@Example.nhs.uk", "Adviser", "EventOrganiser"));
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var invited = (await invite.JsonAsync()).GetProperty("member");
        Assert.True(invited.GetProperty("pendingInvitation").GetBoolean());
        var inviteId = invited.GetProperty("id").GetString()!;
        var email = await Eventually.GetAsync(
            async () => (await app.Services.GetRequiredService<OutboxReader>().ListAsync(1000, CancellationToken.None)).FirstOrDefault(i => i.ReferenceId == inviteId),
            "the invitation email");
        Assert.Equal(EmailKind.StaffInvitation, email.Kind);
        Assert.Equal("nadia.ali@example.nhs.uk", email.To);
        Assert.Contains("adviser, event organiser", email.Text, StringComparison.Ordinal);

        // Before their first sign-in nobody can use the invitation's id.
        const string oid = "22222222-2222-2222-2222-222222222222";
        using var someoneElse = await app.SendAsEntraAsync("33333333-3333-3333-3333-333333333333", "other@example.nhs.uk", HttpMethod.Get, "/api/staff/me");
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);

        using var me = await app.SendAsEntraAsync(oid, "nadia.ali@example.nhs.uk", HttpMethod.Get, "/api/staff/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(["Adviser", "EventOrganiser"], (await me.JsonAsync()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        // From now on the object id alone finds them; the invitation is gone.
        using var again = await app.SendAsEntraAsync(oid, null, HttpMethod.Get, "/api/staff/me");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var list = await app.SendAsEntraAsync(adminOid, null, HttpMethod.Get, "/api/manage/staff");
        var rows = (await list.JsonAsync()).EnumerateArray().Where(r => r.GetProperty("email").ValueKind == System.Text.Json.JsonValueKind.String
            && r.GetProperty("email").GetString() == "nadia.ali@example.nhs.uk").ToList();
        var row = Assert.Single(rows);
        Assert.Equal(oid, row.GetProperty("id").GetString());
        Assert.False(row.GetProperty("pendingInvitation").GetBoolean());
    }

    [Fact]
    public async Task Invite_BadAnswers_AreListedByField_AndASecondInvitationToTheSameAddressConflicts()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();

        using var bad = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/staff/invitations", new { email = "not-an-address", displayName = "", roles = new[] { "Wizard", "Employer" }, employerCodes = new[] { "NOPE" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.All(new[] { "email", "displayName", "roles", "employerCodes" }, f => Assert.True(errors.TryGetProperty(f, out _), f));

        using var first = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/staff/invitations", Invitation("twice@example.nhs.uk", "Adviser"));
        using var second = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/staff/invitations", Invitation("TWICE@example.nhs.uk", "Adviser"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Change_WithoutIfMatch_Is428_WithAnOldVersion_Is412_WithTheCurrentOne_Applies()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        using var read = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/staff/adviser-amina");
        var version = read.Headers.ETag!.ToString();
        Assert.Equal(version, (await read.JsonAsync()).GetProperty("version").GetString());
        var change = new { displayName = "Amina Yusuf", roles = new[] { "Adviser", "SchoolCoordinator" }, employerCodes = Array.Empty<string>(), active = true };

        using var missing = await app.SendAsync(Admin, HttpMethod.Put, "/api/manage/staff/adviser-amina", change);
        using var applied = await app.SendAsync(Admin, HttpMethod.Put, "/api/manage/staff/adviser-amina", change, ifMatch: version);
        using var stale = await app.SendAsync(Admin, HttpMethod.Put, "/api/manage/staff/adviser-amina", change with { }, ifMatch: version);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.NotEqual(version, applied.Headers.ETag!.ToString());
        Assert.Equal((HttpStatusCode)412, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        using var me = await app.SendAsync("adviser-amina", HttpMethod.Get, "/api/staff/me");
        Assert.Contains("SchoolCoordinator", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_StopsTheirSignIn()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        using var read = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/staff/employer-mpft");

        using var deactivated = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/staff/employer-mpft/deactivate", ifMatch: read.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        using var me = await app.SendAsync("employer-mpft", HttpMethod.Get, "/api/staff/me");
        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
    }

    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDemotedNorDeactivated()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        using var read = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/staff/{Admin}");
        var version = read.Headers.ETag!.ToString();

        using var demoted = await app.SendAsync(Admin, HttpMethod.Put, $"/api/manage/staff/{Admin}", new { displayName = "Admin", roles = new[] { "Adviser" }, active = true }, ifMatch: version);
        using var deactivated = await app.SendAsync(Admin, HttpMethod.Post, $"/api/manage/staff/{Admin}/deactivate", ifMatch: version);

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deactivated.StatusCode);
        Assert.Contains("last active admin", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var me = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/staff");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task TwoAdminsDeactivatingEachOtherAtOnce_LeaveOneAdmin()
    {
        await using var app = await TestApp.StartAsync(storage);
        var directory = app.Services.GetRequiredService<Core.Staff.StaffDirectory>();
        for (var round = 0; round < 5; round++)
        {
            await app.ResetStaffAsync(demoStaff: false);
            foreach (var id in new[] { "admin-a", "admin-b" })
            {
                await directory.UpsertAsync(new(id, id, new HashSet<Core.Staff.StaffRole> { Core.Staff.StaffRole.Admin }, new HashSet<string>()), CancellationToken.None);
            }

            using var a = await app.SendAsync("admin-a", HttpMethod.Get, "/api/manage/staff/admin-a");
            using var b = await app.SendAsync("admin-b", HttpMethod.Get, "/api/manage/staff/admin-b");
            var (versionA, versionB) = (a.Headers.ETag!.ToString(), b.Headers.ETag!.ToString());

            var answers = await Task.WhenAll(
                app.SendAsync("admin-a", HttpMethod.Post, "/api/manage/staff/admin-b/deactivate", ifMatch: versionB),
                app.SendAsync("admin-b", HttpMethod.Post, "/api/manage/staff/admin-a/deactivate", ifMatch: versionA));

            var statuses = answers.Select(r => r.StatusCode).Order().ToList();
            Assert.Contains(HttpStatusCode.Conflict, statuses);
            var admins = (await directory.ListMembersAsync(CancellationToken.None)).Count(m => m.Value.IsEffectiveAdmin);
            Assert.Equal(1, admins);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    private static object Invitation(string email, params string[] roles) =>
        new { email, displayName = "Nadia Ali", roles, employerCodes = Array.Empty<string>() };
}
