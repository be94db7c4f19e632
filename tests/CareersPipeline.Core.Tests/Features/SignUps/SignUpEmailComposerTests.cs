using System.Net;
using System.Text.RegularExpressions;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.SignUps;

public sealed class SignUpEmailComposerTests
{
    private const string BaseUrl = "https://careers.example.org";

    private readonly FakeTimeProvider _time = SignUpTestData.Clock();
    private readonly SignedTokens _tokens;

    public SignUpEmailComposerTests() => _tokens = new SignedTokens(Options.Create(new SigningOptions { Key = "email-test-key" }), _time);

    private SignUpEmailComposer CreateSut(string publicBaseUrl = BaseUrl, string icsName = "Staffordshire and Stoke-on-Trent") =>
        new(SignUpTestData.Links(_tokens), Options.Create(new PipelineOptions { PublicBaseUrl = publicBaseUrl, IcsName = icsName }), new RazorEmailTemplates());

    private static ApplicantEntity ActiveApplicant(JourneyRoute route = JourneyRoute.CareerChangerOrUnemployed, string firstName = "Amelia")
    {
        var applicant = SignUpTestData.Applicant();
        applicant.FirstName = firstName;
        applicant.Status = nameof(ApplicantStatus.Active);
        applicant.Route = route.ToString();
        return applicant;
    }

    private static ApplicantEntity AwaitingGuardian(string firstName = "Harry")
    {
        var applicant = SignUpTestData.Under16Applicant();
        applicant.FirstName = firstName;
        applicant.Status = nameof(ApplicantStatus.AwaitingGuardianConsent);
        return applicant;
    }

    /// <summary>The token in the first link to <paramref name="action"/> in plain text, or in an HTML href.</summary>
    private static string TokenIn(string body, string action, bool html = false)
    {
        var text = html ? WebUtility.HtmlDecode(body) : body;
        var match = Regex.Match(text, "/api/signups/" + Regex.Escape(action) + @"\?token=([^\s""<&]+)");
        Assert.True(match.Success, $"No {action} link in: {body}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    private static string HrefTo(string html, string action)
    {
        var match = Regex.Match(html, "href=\"([^\"]*/api/signups/" + Regex.Escape(action) + "[^\"]*)\"");
        Assert.True(match.Success, $"No href to {action} in: {html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    // ---- Confirmation ----

    [Fact]
    public void Compose_Confirmation_GoesToTheApplicantWithTheirReference()
    {
        var applicant = ActiveApplicant();

        var email = CreateSut().Compose(applicant, EmailKind.Confirmation);

        Assert.Equal(applicant.Email, email.To);
        Assert.Equal(EmailKind.Confirmation, email.Kind);
        Assert.Equal(applicant.PartitionKey, email.ReferenceId);
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain(applicant.FirstName, email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Confirmation_HasAVerifyLinkUnderThePublicBaseUrlInBothParts()
    {
        var email = CreateSut().Compose(ActiveApplicant(), EmailKind.Confirmation);

        var expectedStart = BaseUrl + "/api/signups/verify-email?token=";
        Assert.Contains(expectedStart, email.Text, StringComparison.Ordinal);
        Assert.StartsWith(expectedStart, HrefTo(email.Html, "verify-email"), StringComparison.Ordinal);
        Assert.Equal(TokenIn(email.Text, "verify-email"), TokenIn(email.Html, "verify-email", html: true));
    }

    [Fact]
    public void Compose_Confirmation_VerifyTokenValidatesForTheApplicant()
    {
        var applicant = ActiveApplicant();

        var email = CreateSut().Compose(applicant, EmailKind.Confirmation);

        var token = TokenIn(email.Text, "verify-email");
        Assert.Equal(TokenCheck.Valid(SignUpTestData.Subject(applicant)), _tokens.Read(TokenPurposes.VerifyEmail, token));
        Assert.Equal(TokenCheck.Valid(SignUpTestData.Subject(applicant)), _tokens.Read("verify-email", token));
        Assert.Equal(TokenState.Invalid, _tokens.Read(TokenPurposes.GuardianConsent, token).State);
    }

    [Fact]
    public void Compose_Confirmation_VerifyTokenExpiresAfterTheVerificationLifetime()
    {
        var applicant = ActiveApplicant();
        var token = TokenIn(CreateSut().Compose(applicant, EmailKind.Confirmation).Text, "verify-email");

        _time.Advance(SignUpEmailComposer.VerificationLinkLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(TokenState.Valid, _tokens.Read(TokenPurposes.VerifyEmail, token).State);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TokenCheck.Expired(SignUpTestData.Subject(applicant)), _tokens.Read(TokenPurposes.VerifyEmail, token));
    }

    [Theory]
    [InlineData("https://careers.example.org/")]
    [InlineData("https://careers.example.org///")]
    public void Compose_BaseUrlWithTrailingSlash_DoesNotDoubleTheSlash(string baseUrl)
    {
        var email = CreateSut(baseUrl).Compose(ActiveApplicant(), EmailKind.Confirmation);

        Assert.Contains("https://careers.example.org/api/signups/verify-email?token=", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("org//api", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("org//api", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailKind.Confirmation)]
    [InlineData(EmailKind.LinksRequested)]
    public void Compose_ToAnAddressNotYetVerified_CarriesNoNameItsSenderTyped(EmailKind kind)
    {
        // Whoever signed up chose the address and the name: a name here would put a stranger's words in an NHS email.
        const string name = "URGENT verify your NHS login at https://evil.example";

        var email = CreateSut().Compose(ActiveApplicant(firstName: name), kind);

        Assert.DoesNotContain("URGENT", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("URGENT", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email.Html + email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Confirmation_HtmlEncodesTheIcsName()
    {
        var email = CreateSut(icsName: "Stoke & <Staffs>").Compose(ActiveApplicant(), EmailKind.Confirmation);

        Assert.Contains("Stoke &amp; &lt;Staffs&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Staffs>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Stoke & <Staffs>", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JourneyRoute.InEducation)]
    [InlineData(JourneyRoute.CareerChangerOrUnemployed)]
    [InlineData(JourneyRoute.SeldomHeardSupported)]
    public void Compose_Confirmation_ListsTheNextStepsOfTheApplicantsRoute(JourneyRoute route)
    {
        var email = CreateSut().Compose(ActiveApplicant(route), EmailKind.Confirmation);

        Assert.All(JourneyRouter.NextSteps(route), step =>
        {
            Assert.Contains(step, email.Text, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(step), email.Html, StringComparison.Ordinal);
        });
        var otherSteps = Enum.GetValues<JourneyRoute>().Where(r => r != route).SelectMany(JourneyRouter.NextSteps);
        Assert.All(otherSteps, step => Assert.DoesNotContain(step, email.Text, StringComparison.Ordinal));
    }

    // ---- Guardian consent request ----

    [Fact]
    public void Compose_GuardianConsentRequest_GoesToTheGuardianNotTheChild()
    {
        var applicant = AwaitingGuardian();

        var email = CreateSut().Compose(applicant, EmailKind.GuardianConsentRequest);

        Assert.Equal(applicant.GuardianEmail, email.To);
        Assert.NotEqual(applicant.Email, email.To);
        Assert.Equal(EmailKind.GuardianConsentRequest, email.Kind);
        Assert.Equal(applicant.PartitionKey, email.ReferenceId);
    }

    [Fact]
    public void Compose_GuardianConsentRequest_HasAConsentLinkForTheApplicantInBothParts()
    {
        var applicant = AwaitingGuardian();

        var email = CreateSut().Compose(applicant, EmailKind.GuardianConsentRequest);

        Assert.Contains(BaseUrl + "/api/signups/guardian-consent?token=", email.Text, StringComparison.Ordinal);
        Assert.StartsWith(BaseUrl + "/api/signups/guardian-consent?token=", HrefTo(email.Html, "guardian-consent"), StringComparison.Ordinal);
        var token = TokenIn(email.Text, "guardian-consent");
        Assert.Equal(token, TokenIn(email.Html, "guardian-consent", html: true));
        Assert.Equal(TokenCheck.Valid(SignUpTestData.Subject(applicant)), _tokens.Read(TokenPurposes.GuardianConsent, token));
        Assert.Equal(TokenState.Invalid, _tokens.Read(TokenPurposes.VerifyEmail, token).State);
        Assert.DoesNotContain("/api/signups/verify-email", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_GuardianConsentRequest_LinkLastsForTheGuardianLifetime()
    {
        var applicant = AwaitingGuardian();
        var token = TokenIn(CreateSut().Compose(applicant, EmailKind.GuardianConsentRequest).Text, "guardian-consent");

        _time.Advance(SignUpEmailComposer.GuardianLinkLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(TokenState.Valid, _tokens.Read(TokenPurposes.GuardianConsent, token).State);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TokenCheck.Expired(SignUpTestData.Subject(applicant)), _tokens.Read(TokenPurposes.GuardianConsent, token));
    }

    [Fact]
    public void Compose_GuardianConsentRequest_CarriesNoName()
    {
        const string name = "URGENT: your NHS account is locked, call 0800 000 000";

        var email = CreateSut().Compose(AwaitingGuardian(name), EmailKind.GuardianConsentRequest);

        Assert.DoesNotContain("URGENT", email.Html + email.Text, StringComparison.Ordinal);
        Assert.Contains("Someone under 16 gave your email address", email.Text, StringComparison.Ordinal);
        Assert.Contains("Someone under 16 gave your email address", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LinksRequested_OffersVerificationOnlyUntilVerified()
    {
        var unverified = ActiveApplicant();
        var verified = ActiveApplicant();
        verified.EmailVerifiedAt = _time.GetUtcNow();

        Assert.Contains("/api/signups/verify-email?token=", CreateSut().Compose(unverified, EmailKind.LinksRequested).Text, StringComparison.Ordinal);
        var toVerified = CreateSut().Compose(verified, EmailKind.LinksRequested);
        Assert.DoesNotContain("verify-email", toVerified.Text + toVerified.Html, StringComparison.Ordinal);
        Assert.Contains("/api/privacy/manage?token=", toVerified.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_KindThatIsNotASignUpEmail_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Compose(ActiveApplicant(), EmailKind.LevyTransferUpdate));
    }
}
