using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>Renders a subject access export as a readable HTML page: a section per source, tables for lists. Everything is HTML-encoded.</summary>
public static class SubjectAccessHtml
{
    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["signUps"] = "Your sign-ups",
        ["consents"] = "Your consents",
        ["emails"] = "Emails we sent",
        ["equalityMonitoring"] = "Equality monitoring answers",
        ["staffAccess"] = "Staff who looked at or changed your details",
    };

    public static string Render(JsonObject export)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>Your data - Health and care careers</title>")
            .Append("<style>body{font-family:Arial,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #aaa;padding:.25em .5em;text-align:left;vertical-align:top}dt{font-weight:bold}</style>")
            .Append("</head><body><main><h1>The information we hold about you</h1>");
        html.Append("<p>").Append(Encode(Text(export["about"]))).Append("</p>")
            .Append("<p>Data controller: ").Append(Encode(Text(export["controller"]))).Append(". Produced ").Append(Encode(Text(export["generatedAt"])))
            .Append(". <a href=\"").Append(Encode(Text(export["privacyNotice"]))).Append("\">How we use your information</a>.</p>");

        if (export["data"] is JsonObject data)
        {
            foreach (var (section, node) in data)
            {
                html.Append("<section><h2>").Append(Encode(Headings.GetValueOrDefault(section, section))).Append("</h2>");
                RenderNode(html, node);
                html.Append("</section>");
            }
        }

        return html.Append("</main></body></html>").ToString();
    }

    private static void RenderNode(StringBuilder html, JsonNode? node)
    {
        switch (node)
        {
            case null:
                html.Append("<em>none</em>");
                break;
            case JsonArray { Count: 0 }:
                html.Append("<p>None held.</p>");
                break;
            case JsonArray array when array.All(i => i is JsonObject):
                var columns = array.SelectMany(i => i!.AsObject().Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
                html.Append("<table><thead><tr>");
                foreach (var column in columns)
                {
                    html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
                }

                html.Append("</tr></thead><tbody>");
                foreach (var item in array)
                {
                    html.Append("<tr>");
                    foreach (var column in columns)
                    {
                        html.Append("<td>");
                        RenderNode(html, item![column]);
                        html.Append("</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</tbody></table>");
                break;
            case JsonArray list:
                html.Append("<ul>");
                foreach (var item in list)
                {
                    html.Append("<li>");
                    RenderNode(html, item);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case JsonObject obj:
                html.Append("<dl>");
                foreach (var (key, value) in obj)
                {
                    html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>");
                    RenderNode(html, value);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            default:
                html.Append(Encode(Text(node)).Replace("\n", "<br>", StringComparison.Ordinal));
                break;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.ToJsonString().Trim('"'),
        _ => node.ToJsonString(),
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
