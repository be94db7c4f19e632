using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareersPipeline.Functions.Runtime.Manifests;

/// <summary>Writes host.json and one {FunctionName}/function.json per function: the layout the Functions host loads.</summary>
public static class ManifestWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IReadOnlyList<string> Write(string directory, IEnumerable<FunctionDefinition> functions)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string> { WriteJson(Path.Combine(directory, HostSettings.FileName), HostManifest.Create()) };
        foreach (var function in functions)
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            written.Add(WriteJson(Path.Combine(folder, "function.json"), FunctionManifest.Create(function)));
        }

        return written;
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static string WriteJson(string path, JsonNode node)
    {
        File.WriteAllText(path, ToJson(node));
        return path;
    }
}
