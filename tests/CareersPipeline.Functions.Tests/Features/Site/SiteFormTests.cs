using System.Net;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>
/// The site's forms post application/x-www-form-urlencoded to the function app, which maps them onto the same sign-up
/// service as the JSON API: a 303 to the thank-you page, or the form again with an NHS error summary and answers kept.
/// </summary>
[Collection(SiteGroup.Name)]
public sealed class SiteFormTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await SiteKit.StartAsync(storage, consumer: false);
        _http = _app.NoRedirects();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ValidWebsiteForm_IsAccepted_AndRedirectsToTheThankYouPageInItsLanguage()
    {
        var email = SignUpBodies.UniqueEmail("form");

        using var response = await PostAsync("website", Valid(email, language: "uk"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{_app.BaseUrl}/uk/sign-up/done/", response.Headers.Location!.ToString());
        var stored = await storage.ApplicantAsync(email);
        Assert.Equal("Amira", stored.FirstName);
        Assert.Equal(nameof(Door.Website), stored.Door);
        Assert.Equal("uk", stored.PreferredLanguage);
        Assert.Equal("Nursing,Pharmacy", stored.CareerInterests);
        Assert.Equal("1994-03-09", stored.DateOfBirth);
        Assert.True(stored.ContactConsent);
        Assert.False(stored.MarketingConsent);
    }

    [Fact]
    public async Task EmptyForm_ShowsTheFormAgainWithAnErrorSummaryLinkingToEachField()
    {
        using var response = await PostAsync("website", new() { ["preferredLanguage"] = ["en"], ["firstName"] = ["Amira"] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var page = await Html.ParseAsync(response);
        var summary = Html.ErrorSummary(page);
        Assert.Contains(("#lastName", "Enter last name."), summary);
        Assert.Contains(summary, e => e.Href == "#dateOfBirth-day");
        Assert.Contains(summary, e => e.Href == "#careerInterests-1");
        Assert.Contains(summary, e => e.Href == "#consents-contact-1");
        foreach (var (href, _) in summary)
        {
            Assert.NotNull(page.QuerySelector(href));
        }

        // Each error is also shown by its field, and what was typed is kept.
        Assert.Contains("Enter last name.", page.QuerySelector("#lastName-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Amira", page.QuerySelector("#firstName")!.GetAttribute("value"));
        Assert.Contains("lastName-error", page.QuerySelector("#lastName")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArabicFormWithErrors_ComesBackRightToLeft_WithArabicMessages()
    {
        var fields = Valid(SignUpBodies.UniqueEmail(), language: "ar");
        fields["postcode"] = ["NOT A POSTCODE"];

        using var response = await PostAsync("website", fields);

        var page = await Html.ParseAsync(response);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal([("#postcode", "أدخل رمزًا بريديًا بريطانيًا صحيحًا، مثل ST4 6QG")], Html.ErrorSummary(page));
        Assert.Equal("NOT A POSTCODE", page.QuerySelector("#postcode")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#careerInterests-11")!.HasAttribute("checked"), "the Nursing box is still ticked");
    }

    [Fact]
    public async Task Under16WithoutAGuardian_IsAskedForTheGuardiansEmail_ThenAccepted()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var fields = Valid(SignUpBodies.UniqueEmail("pupil"), language: "en", door: Door.School, dateOfBirth: today.AddYears(-14).AddDays(-30));

        using var refused = await PostAsync("school", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Html.ErrorSummary(await Html.ParseAsync(refused)), e => e.Href == "#guardianEmail");

        fields["guardianEmail"] = [SignUpBodies.UniqueEmail("guardian")];
        using var accepted = await PostAsync("school", fields);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }

    [Fact]
    public async Task UnknownEventCode_IsAnErrorOnTheEventForm()
    {
        var fields = Valid(SignUpBodies.UniqueEmail(), language: "en", door: Door.Event);
        fields["eventCode"] = ["EV-NO-SUCH"];

        using var response = await PostAsync("event", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = Html.ErrorSummary(await Html.ParseAsync(response));
        Assert.Contains(summary, e => e.Href == "#eventCode" && e.Text.Contains("EV-NO-SUCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownDoor_IsTheSitesNotFoundPage()
    {
        using var response = await PostAsync("back-door", Valid(SignUpBodies.UniqueEmail(), "en"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonSentToTheFormEndpoint_IsRefusedAsTheWrongMediaType()
    {
        using var response = await _app.PostJsonAsync("/api/site/signups/website", new { firstName = "Amira" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PostAsync(string door, Dictionary<string, string[]> fields) =>
        _http.PostAsync($"/api/site/signups/{door}", new FormUrlEncodedContent(fields.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v)))));

    /// <summary>A complete form, as the browser sends it: each field with its values (checkboxes repeat).</summary>
    private static Dictionary<string, string[]> Valid(string email, string language, Door door = Door.Website, DateOnly? dateOfBirth = null)
    {
        var dob = dateOfBirth ?? new DateOnly(1994, 3, 9);
        var fields = new List<(string, string)>
        {
            ("preferredLanguage", language), ("consents.wordingVersion", "2026-09"),
            ("firstName", "Amira"), ("lastName", "Haddad"), ("email", email), ("phone", ""),
            ("dateOfBirth-day", $"{dob.Day}"), ("dateOfBirth-month", $"{dob.Month}"), ("dateOfBirth-year", $"{dob.Year}"),
            ("postcode", "ST4 6QG"), ("currentSituation", door == Door.School ? "InEducation" : "Unemployed"), ("qualificationLevel", "Level3"),
            ("rightToWork", "Yes"), ("consents.contact", "yes"), ("consents.marketing", "no"),
        };
        switch (door)
        {
            case Door.School:
                fields.Add(("schoolCode", "ST-HAN-01"));
                fields.Add(("yearGroup", "10"));
                break;
            case Door.Event:
                fields.Add(("eventCode", "EV-HANLEY-RR"));
                break;
        }

        var form = fields.ToDictionary(f => f.Item1, f => new[] { f.Item2 });
        form["careerInterests"] = ["Nursing", "Pharmacy"];
        return form;
    }
}
