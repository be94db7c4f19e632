using Microsoft.Extensions.Configuration;

namespace CareersPipeline.Functions.Runtime;

public enum RuntimeMode
{
    /// <summary>Started by the Functions host: HTTP by passthrough, triggers invoked by POST /{FunctionName}.</summary>
    Hosted,

    /// <summary>No host: the app serves on :7071 and runs its own queue listeners and timers against storage.</summary>
    Local,
}

public static class RuntimeModes
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static RuntimeMode Detect(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[PortVariable]) ? RuntimeMode.Local : RuntimeMode.Hosted;
}
