using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// A subject access export as a person reads it: what it is, who holds it, and a section per source with a heading
/// in plain words. The sections keep the export's own data; the page that shows them decides how.
/// </summary>
public sealed record SubjectAccessReport(string About, string Controller, string GeneratedAt, string PrivacyNotice, IReadOnlyList<SubjectAccessSection> Sections)
{
    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["signUps"] = "Your sign-ups",
        ["consents"] = "Your consents",
        ["emails"] = "Emails we sent",
        ["equalityMonitoring"] = "Equality monitoring answers",
        ["staffAccess"] = "Staff who looked at or changed your details",
    };

    public static SubjectAccessReport From(JsonObject export) => new(
        Text(export["about"]),
        Text(export["controller"]),
        Text(export["generatedAt"]),
        Text(export["privacyNotice"]),
        export["data"] is JsonObject data ? [.. data.Select(s => new SubjectAccessSection(Headings.GetValueOrDefault(s.Key, s.Key), s.Value))] : []);

    /// <summary>A value as text: strings without their quotes, anything else as JSON.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.ToJsonString().Trim('"'),
        _ => node.ToJsonString(),
    };
}
