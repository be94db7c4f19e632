using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>A sign-up through each door is accepted, stored, processed, routed and confirmed by email, in local mode.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignUpDoorTests(AzuriteFixture storage)
{
    [Theory]
    [InlineData(Door.Website)]
    [InlineData(Door.School)]
    [InlineData(Door.Event)]
    [InlineData(Door.Programme)]
    public async Task SignUp_ThroughEachDoor_IsRoutedAndConfirmedByEmail(Door door)
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedReferenceDataAsync();
        var body = SignUpBodies.Valid(door);

        using var response = await app.PostJsonAsync(SignUpBodies.Path(door), body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await SignUpBodies.ReadJsonAsync(response);
        var id = accepted.GetProperty("applicantId").GetString()!;
        Assert.True(ApplicantIds.IsWellFormed(id));
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("message").GetString()));

        var applicant = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "the applicant to be processed");
        var expectedRoute = door == Door.School ? JourneyRoute.InEducation : JourneyRoute.CareerChangerOrUnemployed;
        Assert.Equal(expectedRoute.ToString(), applicant.Route);
        Assert.Equal(nameof(JourneyStage.Registered), applicant.Stage);
        Assert.Equal("ST4 6QG", applicant.Postcode);
        Assert.Equal("+447700900123", applicant.Phone);
        Assert.Equal(door.ToString(), applicant.Door);

        var email = await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        Assert.Equal((string)body["email"]!, email.To);
        Assert.Contains("/api/signups/verify-email?token=", email.Html, StringComparison.Ordinal);

        // Progress is shown to the holder of the sign-up's manage link, as its emails carry it.
        using var status = await app.Http.GetAsync($"/api/signups/{id}?token={Uri.EscapeDataString(Privacy.PrivacyKit.TokenOf(Privacy.PrivacyKit.ManageLink(email)))}");
        var view = await SignUpBodies.ReadJsonAsync(status);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Active", view.GetProperty("status").GetString());
        Assert.Equal(expectedRoute.ToString(), view.GetProperty("route").GetString());
        Assert.DoesNotContain((string)body["email"]!, view.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignUp_NeedingEnglishSupport_IsRoutedToSupportedRoute()
    {
        await using var app = await TestApp.StartAsync(storage);
        var body = SignUpBodies.Valid(Door.Website);
        body["supportNeeds"] = new[] { "EnglishLanguage" };
        body["rightToWork"] = "AwaitingDecision";

        var id = await app.SignUpAsync(body);

        var applicant = await app.WaitForApplicantAsync(id, a => a.Route is not null, "a route");
        Assert.Equal(nameof(JourneyRoute.SeldomHeardSupported), applicant.Route);
        Assert.False(string.IsNullOrWhiteSpace(applicant.RouteReason));
    }

    [Fact]
    public async Task EmailVerificationLink_PostedOnce_VerifiesTheAddress()
    {
        await using var app = await TestApp.StartAsync(storage);
        var id = await app.SignUpAsync();
        var email = await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        var link = SignUpBodies.LinkIn(email.Html, "verify-email");

        // A mail scanner following the link (GET) must not verify anything.
        using var page = await app.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await app.FindApplicantAsync(id))!.EmailVerifiedAt);

        using var first = await app.Http.PostAsync(link.PathAndQuery, null);
        using var second = await app.Http.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already", await second.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull((await app.FindApplicantAsync(id))!.EmailVerifiedAt);
    }

    [Fact]
    public async Task EmailVerificationLink_Tampered_IsRefusedWithProblem()
    {
        await using var app = await TestApp.StartAsync(storage);

        using var response = await app.Http.PostAsync("/api/signups/verify-email?token=abc.def", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Status_ForUnknownOrMalformedId_IsNotFoundProblem()
    {
        await using var app = await TestApp.StartAsync(storage);

        using var unknown = await app.Http.GetAsync("/api/signups/a000000000000000000000000");
        using var malformed = await app.Http.GetAsync("/api/signups/a'or'1'eq'1");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }
}
