using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareersPipeline.Core.People;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>Sign-up bodies as a client sends them, and helpers to read the answers.</summary>
public static partial class SignUpBodies
{
    public static string UniqueEmail(string tag = "person") => $"{tag}.{Guid.NewGuid():n}@example.org";

    public static Dictionary<string, object?> Valid(Door door, string? email = null, string dateOfBirth = "1995-04-12")
    {
        var body = new Dictionary<string, object?>
        {
            ["firstName"] = "Olena",
            ["lastName"] = "Kovalenko",
            ["email"] = email ?? UniqueEmail(),
            ["phone"] = "07700 900123",
            ["dateOfBirth"] = dateOfBirth,
            ["postcode"] = "st4 6qg",
            ["careerInterests"] = new[] { "Nursing", "Midwifery" },
            ["currentSituation"] = "Unemployed",
            ["qualificationLevel"] = "Level3",
            ["rightToWork"] = "Yes",
            ["supportNeeds"] = Array.Empty<string>(),
            ["preferredLanguage"] = "en",
            ["consents"] = new Dictionary<string, object?> { ["contact"] = true, ["marketing"] = false, ["wordingVersion"] = "2026-09" },
        };
        switch (door)
        {
            case Door.School:
                body["schoolCode"] = "ST-HAN-01";
                body["yearGroup"] = 11;
                body["currentSituation"] = "InEducation";
                break;
            case Door.Event:
                body["eventCode"] = "EV-HANLEY-RR";
                break;
            case Door.Programme:
                body["programmeCode"] = "VWE-ACUTE";
                break;
        }

        return body;
    }

    public static string Path(Door door) => $"/api/signups/{door.ToString().ToLowerInvariant()}";

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The link in an email, for the given action ("verify-email" or "guardian-consent").</summary>
    public static Uri LinkIn(string html, string action)
    {
        var match = LinkRegex().Matches(html).FirstOrDefault(m => m.Groups[1].Value.Contains(action, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No {action} link in the email.");
        return new Uri(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();
}
