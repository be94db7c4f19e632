using System.Text.RegularExpressions;

namespace CareersPipeline.Functions.Tests.Architecture;

/// <summary>The arrows between features that docs/architecture.md draws, and how an import is recognised in source.</summary>
public static partial class DependencyRules
{
    /// <summary>Feature to the features it truly calls. Everything else a feature needs is in the kernel.</summary>
    public static IReadOnlyDictionary<string, string[]> Allowed { get; } = new Dictionary<string, string[]>
    {
        // A sign-up is geocoded and routed as it is processed.
        ["SignUps"] = ["Geocoding", "Journeys"],
        // Opportunities are what people are matched to; advisers see their caseload's matches.
        ["Matching"] = ["Opportunities", "Caseloads"],
        // An accepted levy transfer is published as a funded place; imported vacancies are opportunities too.
        ["LevyTransfers"] = ["Opportunities"],
        ["NationalVacancies"] = ["Opportunities"],
        // People apply for opportunities; a vacancy whose positions are all accepted closes as Filled through its service.
        ["Applications"] = ["Opportunities"],
        // The site shows opportunities and the privacy notice, and its forms are sign-ups.
        ["Site"] = ["Opportunities", "SignUps", "Privacy"],
        // Retention deletes a child's sign-up once its guardian's consent link has expired unanswered; an adviser
        // changes consents only for people on their own caseload.
        ["Privacy"] = ["SignUps", "Caseloads"],
        // Demo data goes through the features' own services, as real use does.
        ["Seeding"] = ["SignUps", "Journeys", "Opportunities"],
        // An organisation with opportunities is in use, so it is retired rather than deleted.
        ["Administration"] = ["Opportunities"],
        // An adviser registers a person with them through the public doors' own validator and sign-up service.
        ["Caseloads"] = ["SignUps"],
    };

    /// <summary>The HTTP layer's staff sign-in, which every staff route uses, is part of the kernel there.</summary>
    private static readonly string[] KernelFolders = ["Staff"];

    public static IReadOnlyList<string> ForbiddenImports(string feature, string source) =>
        [.. FeaturesImported(source).Where(other => other != feature && !KernelFolders.Contains(other)
            && !(Allowed.TryGetValue(feature, out var allowed) && allowed.Contains(other)))];

    /// <summary>Every feature named in a using directive or a qualified name, in Core or the function app.</summary>
    public static IReadOnlyList<string> FeaturesImported(string source) =>
        [.. FeatureReference().Matches(WithoutComments(source)).Select(m => m.Groups["feature"].Value).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Lines outside comments that write HTML elements or HTML-encode text.</summary>
    public static IReadOnlyList<string> HtmlLines(string source) =>
        [.. WithoutComments(source).Split('\n').Where(l => HtmlMarkup().IsMatch(l)).Select(l => l.Trim())];

    private static string WithoutComments(string source) => LineComment().Replace(source, string.Empty);

    [GeneratedRegex(@"(?:CareersPipeline\.)?(?:Core|Functions)\.Features\.(?<feature>\w+)")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"<(?:html|head|body|p|a|div|span|h[1-6]|ul|ol|li|table|tr|td|th|strong|em|br|form|input|button|section|main|nav|footer|header)[\s>/]|HtmlEncode|HtmlEncoder", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlMarkup();
}
