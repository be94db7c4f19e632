using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Web.Strings;

/// <summary>
/// The site's words in one language, from Strings/{code}.json (embedded). A file's "language.name" and
/// "language.direction" say what it is, so adding a language is adding one file. Placeholders are {name}.
/// </summary>
public sealed partial class SiteStrings
{
    private readonly IReadOnlyDictionary<string, string> _strings;

    private SiteStrings(SiteLanguage language, IReadOnlyDictionary<string, string> strings)
    {
        Language = language;
        _strings = strings;
    }

    public SiteLanguage Language { get; }

    public IReadOnlyDictionary<string, string> All => _strings;

    /// <summary>Every language the site has, English first.</summary>
    public static IReadOnlyList<SiteStrings> Load()
    {
        var assembly = typeof(SiteStrings).Assembly;
        var languages = new List<SiteStrings>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Strings.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"{name} is empty.");
            var code = name["Strings.".Length..^".json".Length];
            var language = new SiteLanguage(code, strings["language.name"], strings["language.direction"] == "rtl");
            languages.Add(new SiteStrings(language, strings));
        }

        return [.. languages.OrderBy(l => l.Language.Code == SiteLanguage.English ? 0 : 1).ThenBy(l => l.Language.Code, StringComparer.Ordinal)];
    }

    public string this[string key] =>
        _strings.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No string '{key}' in {Language.Code}.json.");

    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>The string with each {name} replaced by its value.</summary>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>"12 March 2026", with the month in this language.</summary>
    public string Date(DateOnly date) =>
        Format("date.long", ("day", date.Day), ("month", this[$"month.{date.Month}"]), ("year", date.Year));

    public static IReadOnlyList<string> Placeholders(string text) => [.. PlaceholderRegex().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex PlaceholderRegex();
}
