using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>
/// Adviser-assisted registration over the API on Azurite: the public door's rules (the same errors for the same bad
/// answers), the adviser's extra record, consent recorded as given to the adviser with the wording version shown, and
/// the person on that adviser's caseload.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AssistedRegistrationTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedTeamsAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheAdviserRegistersAPerson_WhoLandsOnTheirCaseload_WithConsentGivenToThem()
    {
        var signUp = SignUpBodies.Valid(Door.Website);
        signUp["supportNeeds"] = new[] { "QualificationRecognition", "EnglishLanguage" };
        signUp["consents"] = new Dictionary<string, object?> { ["contact"] = true, ["marketing"] = false, ["wordingVersion"] = "2026-12" };

        using var response = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, "/api/caseload/registrations", Body(signUp));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicantId").GetString()!;
        var view = Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthA), id, default)).Value.Value;
        Assert.Equal(NorthA, view.Case.OwnerId);
        var registered = Assert.Single(view.Timeline, e => e.Kind == CaseEntryKind.Registered);
        Assert.Equal(nameof(RightToWorkEvidence.BiometricResidencePermit), registered.Type);
        Assert.Contains("Languages: Dari, Pashto", registered.Detail, StringComparison.Ordinal);
        Assert.Contains("Interpreter needed: yes", registered.Detail, StringComparison.Ordinal);
        Assert.Contains("UK ENIC", registered.Notes, StringComparison.Ordinal);
        Assert.Contains(await _app.Cases().CaseloadAsync(As(NorthA), false, default), c => c.ApplicantId == id);

        var applicant = (await _app.FindApplicantAsync(id))!;
        var contact = (await _app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(applicant, ConsentPurpose.Contact, default))!;
        Assert.True(contact.Granted);
        Assert.Equal(ConsentChannel.AdviserAssisted, contact.Channel);
        Assert.Equal(ConsentGivenBy.Person, contact.GivenBy);
        Assert.Equal(NorthA, contact.StaffSubjectId);
        Assert.Equal("2026-12", contact.WordingVersion);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("UK ENIC", StringComparison.Ordinal) || l.Contains((string)signUp["email"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadAnswers_GetThePublicDoorsErrors_PlusTheAdvisersOwn_AndNothingIsStored()
    {
        var signUp = SignUpBodies.Valid(Door.Website);
        signUp["email"] = "not-an-address";
        signUp["postcode"] = "nowhere";
        signUp.Remove("consents");

        using var publicDoor = await _app.Http.PostAsJsonAsync(SignUpBodies.Path(Door.Website), signUp);
        using var assisted = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, "/api/caseload/registrations", new { signUp });

        Assert.Equal(HttpStatusCode.BadRequest, publicDoor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, assisted.StatusCode);
        var publicErrors = Errors(await publicDoor.Content.ReadFromJsonAsync<JsonElement>());
        var assistedErrors = Errors(await assisted.Content.ReadFromJsonAsync<JsonElement>());
        Assert.NotEmpty(publicErrors);
        Assert.Subset(assistedErrors.ToHashSet(), publicErrors.ToHashSet());
        Assert.Equal(["interpreterNeeded", "languagesSpoken", "rightToWorkEvidence"], assistedErrors.Except(publicErrors).Order());
    }

    [Fact]
    public async Task ThePage_RegistersWithoutJavaScript_ShowsErrorsEscaped_AndOpensTheCase()
    {
        using var adviser = await StaffBrowserSession.SignInAsync(_app, NorthB);
        var (form, html) = await adviser.GetAsync("/staff/caseload/register");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"consents.wordingVersion\" value=\"2026-12\"", html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["consents.wordingVersion"] = "2026-12",
            ["firstName"] = "<i>Yusuf</i>",
            ["lastName"] = "Haidari",
            ["email"] = SignUpBodies.UniqueEmail("assisted"),
            ["dateOfBirth-day"] = "3",
            ["dateOfBirth-month"] = "7",
            ["dateOfBirth-year"] = "1991",
            ["postcode"] = "ST4 6QG",
            ["languagesSpoken"] = "Dari",
            ["interpreterNeeded"] = "no",
            ["careerInterests"] = "Nursing",
            ["currentSituation"] = "Unemployed",
            ["qualificationLevel"] = "Level6",
            ["rightToWork"] = "Yes",
            ["supportNeeds"] = "QualificationRecognition",
            ["qualificationRecognitionNeeds"] = "Nursing degree (Kabul)",
            ["consents.contact"] = "yes",
            ["consents.marketing"] = "no",
        };
        var missing = new Dictionary<string, string>(fields);
        missing.Remove("rightToWorkEvidence");
        using (var refused = await adviser.SubmitAsync("/staff/caseload/register", "/staff/caseload/register", missing))
        {
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("href=\"#rightToWorkEvidence", page, StringComparison.Ordinal);
            Assert.Contains("&lt;i&gt;Yusuf&lt;/i&gt;", page, StringComparison.Ordinal);
        }

        fields["rightToWorkEvidence"] = "ShareCode";
        using var registered = await adviser.SubmitAsync("/staff/caseload/register", "/staff/caseload/register", fields);
        Assert.Equal(HttpStatusCode.SeeOther, registered.StatusCode);
        var (_, casePage) = await adviser.GetAsync(registered.Headers.Location!.OriginalString);
        Assert.Contains("&lt;i&gt;Yusuf&lt;/i&gt;", casePage, StringComparison.Ordinal);
        Assert.Contains("share code", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdvisers_Register()
    {
        using var admin = await _app.SendAsStaffAsync(Admin, HttpMethod.Post, "/api/caseload/registrations", Body(SignUpBodies.Valid(Door.Website)));
        using var employer = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, "/api/caseload/registrations", Body(SignUpBodies.Valid(Door.Website)));
        using var anonymous = await _app.SendAsStaffAsync(null, HttpMethod.Post, "/api/caseload/registrations", Body(SignUpBodies.Valid(Door.Website)));

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static object Body(Dictionary<string, object?> signUp) => new
    {
        signUp,
        languagesSpoken = "Dari, Pashto",
        interpreterNeeded = true,
        rightToWorkEvidence = "BiometricResidencePermit",
        qualificationRecognitionNeeds = "Afghan nursing degree: UK ENIC statement of comparability",
        englishLanguageNeeds = "IELTS 7.0 for NMC registration",
    };

    private static string[] Errors(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
