using System.Diagnostics;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>
/// The compiled stylesheet is committed (dotnet publish needs no node). It must be what the pinned sass makes of the
/// pinned nhsuk-frontend and Styles/site.scss today, or someone changed a source without running npm run build:css.
/// </summary>
public sealed class SiteStylesheetTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "web", "CareersPipeline.Web");

    [Fact]
    public async Task CommittedStylesheet_IsWhatTheSourcesCompileTo()
    {
        var sass = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "sass");
        Assert.True(File.Exists(sass), "sass is not installed: run scripts/test (npm ci) first");

        var start = new ProcessStartInfo(sass, ["--style=compressed", "--no-source-map", $"--load-path={Path.Combine(RepoPaths.Root, "node_modules")}", Path.Combine(Web, "Styles", "site.scss")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var compiled = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await errors);
        Assert.True(
            (await compiled).TrimEnd() == (await File.ReadAllTextAsync(Path.Combine(Web, "Assets", "site.css"))).TrimEnd(),
            "web/CareersPipeline.Web/Assets/site.css is stale: run npm run build:css and commit it.");
    }

    [Fact]
    public void Stylesheet_LoadsNoWebFonts()
    {
        var css = File.ReadAllText(Path.Combine(Web, "Assets", "site.css"));

        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("assets.nhs.uk", css, StringComparison.Ordinal);
    }
}
