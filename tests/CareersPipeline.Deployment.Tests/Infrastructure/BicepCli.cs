using System.Reflection;
using System.Text.RegularExpressions;

namespace CareersPipeline.Deployment.Tests.Infrastructure;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that the project file downloads.</summary>
internal static partial class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync(Path, arguments, workingDirectory);

    /// <summary>
    /// Diagnostics in Bicep's default format, e.g. <c>main.bicep(3,7) : Warning no-unused-params: ...</c>.
    /// Linter findings come out as warnings or errors because infra/bicepconfig.json sets every rule to one of those.
    /// </summary>
    public static IReadOnlyList<string> Diagnostics(ProcessResult result) =>
        result.StandardError.Split('\n').Select(l => l.Trim()).Where(l => DiagnosticLine().IsMatch(l)).ToList();

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; `dotnet restore` downloads it (PackageDownload).");
        }

        // NuGet does not always keep the executable bit when it extracts a package.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}
