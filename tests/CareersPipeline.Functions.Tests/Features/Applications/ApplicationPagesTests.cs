using System.Net;
using System.Net.Http.Headers;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>The person's pages as a browser without JavaScript uses them: the apply form, its errors, and the status page.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ApplicationPagesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThePerson_AppliesThroughTheForm_AndSeesItOnTheirStatusPage()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var path = $"/api/applications/apply/{vacancy}{ApplicationKit.Query(token)}";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var form = await http.GetAsync(path);
        using var empty = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["whyThisRole"] = string.Empty }));
        using var sent = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["whyThisRole"] = "<script>alert(1)</script> I want to care for people.",
            ["whenCanStart"] = "Straight away",
        }));

        // The person's list is filed by the queue that follows the application, a moment after the request.
        var page = await Eventually.GetAsync(async () =>
        {
            using var status = await http.GetAsync($"/api/applications{ApplicationKit.Query(token)}");
            Assert.Equal("no-store", status.Headers.CacheControl?.ToString());
            var html = await status.Content.ReadAsStringAsync();
            return status.StatusCode == HttpStatusCode.OK && html.Contains("Withdraw this application", StringComparison.Ordinal) ? html : null;
        }, "the application on the status page");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Why do you want this role?", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Say why you want this role.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith("/api/applications?token=", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Your applications", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
    }
}
