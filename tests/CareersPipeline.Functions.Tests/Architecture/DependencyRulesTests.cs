using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Architecture;

/// <summary>
/// The dependency picture of docs/architecture.md, enforced on the source: a feature imports the kernel and itself, and
/// another feature only where the picture draws that arrow; the kernel imports no feature; Core makes no HTML.
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly string[] Projects = ["functions/CareersPipeline.Core", "functions/CareersPipeline.Functions"];

    [Fact]
    public void Features_ImportOnlyTheFeaturesThePictureAllows()
    {
        var violations = SourceFiles()
            .Where(f => FeatureOf(f.Path) is not null)
            .SelectMany(f => DependencyRules.ForbiddenImports(FeatureOf(f.Path)!, f.Text).Select(other => $"{f.Path}: {FeatureOf(f.Path)} -> {other}"))
            .ToList();

        Assert.True(violations.Count == 0, "Imports the picture does not allow (docs/architecture.md):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Kernel_ImportsNoFeature()
    {
        var violations = SourceFiles()
            .Where(f => f.Path.StartsWith("functions/CareersPipeline.Core/", StringComparison.Ordinal) && FeatureOf(f.Path) is null && !IsCompositionRoot(f.Path))
            .SelectMany(f => DependencyRules.FeaturesImported(f.Text).Select(other => $"{f.Path} -> {other}"))
            .ToList();

        Assert.True(violations.Count == 0, "The kernel must not depend on a feature:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Core_MakesNoHtml()
    {
        var violations = SourceFiles()
            .Where(f => f.Path.StartsWith("functions/CareersPipeline.Core/", StringComparison.Ordinal))
            .SelectMany(f => DependencyRules.HtmlLines(f.Text).Select(line => $"{f.Path}: {line}"))
            .ToList();

        Assert.True(violations.Count == 0, "Core returns data; HTML is made by the Razor components in web/:\n" + string.Join('\n', violations));
    }

    [Theory]
    [InlineData("Site", "using CareersPipeline.Core.Features.Opportunities;", new string[0])]
    [InlineData("Opportunities", "using CareersPipeline.Core.Features.Site;", new[] { "Site" })]
    [InlineData("Opportunities", "var x = new Core.Features.Matching.MatchStore();", new[] { "Matching" })]
    [InlineData("Matching", "using CareersPipeline.Functions.Features.Staff;", new string[0])]
    [InlineData("Geocoding", "using CareersPipeline.Core.Features.Geocoding;", new string[0])]
    public void ForbiddenImports_FindsImportsAndQualifiedNames(string feature, string source, string[] expected) =>
        Assert.Equal(expected, DependencyRules.ForbiddenImports(feature, source));

    [Theory]
    [InlineData("builder.Append(\"<p>Hello</p>\");", 1)]
    [InlineData("var html = $\"<a href=\\\"{url}\\\">link</a>\";", 1)]
    [InlineData("var encoded = WebUtility.HtmlEncode(name);", 1)]
    [InlineData("/// <summary>Returns <see cref=\"Place\"/> or null.</summary>", 0)]
    [InlineData("// Renders <p> elsewhere, in web/.", 0)]
    [InlineData("var xml = \"<urlset><url><loc>\";", 0)]
    public void HtmlLines_FindsMarkupOutsideComments(string source, int expected) =>
        Assert.Equal(expected, DependencyRules.HtmlLines(source).Count);

    private static IEnumerable<(string Path, string Text)> SourceFiles() =>
        Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>The feature folder a file sits in (functions/*/Features/{Feature}/...), or null for the kernel and runtime.</summary>
    private static string? FeatureOf(string path)
    {
        var parts = path.Split('/');
        var at = Array.IndexOf(parts, "Features");
        return at >= 0 && at + 2 < parts.Length ? parts[at + 1] : null;
    }

    /// <summary>The one place that registers every feature's services.</summary>
    private static bool IsCompositionRoot(string path) => path.EndsWith("/CoreServiceCollectionExtensions.cs", StringComparison.Ordinal);
}
