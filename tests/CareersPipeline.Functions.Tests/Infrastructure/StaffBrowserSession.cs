using System.Net;
using System.Text.RegularExpressions;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>
/// A person using the staff pages without a browser: cookies kept, redirects not followed (so tests see each 303), and
/// every form posted with the antiforgery token from the page it came from, as a browser with JavaScript off would.
/// </summary>
public sealed partial class StaffBrowserSession : IDisposable
{
    private readonly HttpClient _http;

    public StaffBrowserSession(TestApp app)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
    }

    /// <summary>Signs in with the development sign-in page, as <paramref name="subjectId"/>.</summary>
    public static async Task<StaffBrowserSession> SignInAsync(TestApp app, string subjectId)
    {
        var session = new StaffBrowserSession(app);
        using var signedIn = await session.SubmitAsync("/dev/sign-in", "/dev/sign-in", new() { ["subjectId"] = subjectId });
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        return session;
    }

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="pagePath"/>, takes its token (and version, unless given) and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pagePath, string action, Dictionary<string, string> fields, bool withToken = true)
    {
        var (page, html) = await GetAsync(pagePath);
        page.Dispose();
        var form = new Dictionary<string, string>(fields);
        if (withToken)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        }

        if (!form.ContainsKey("version") && FormVersion(html, action) is { } version)
        {
            form["version"] = version;
        }

        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(action, content);
    }

    /// <summary>Posts with a token taken earlier: a replayed or stale form.</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await _http.PostAsync(action, content);
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string action, MultipartFormDataContent content) => await _http.PostAsync(action, content);

    public static string TokenOf(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    /// <summary>The hidden version field of the form that posts to <paramref name="action"/>.</summary>
    public static string? FormVersion(string html, string action)
    {
        var start = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var match = Version().Match(html[start..end]);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex Version();
}
