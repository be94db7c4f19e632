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

    /// <summary>
    /// Local mode has a development sign-in header, a public signing key and unauthenticated /dev pages, so it is
    /// never what a process falls into by accident: it must be asked for (scripts/run, scripts/bench, the tests).
    /// </summary>
    public const string LocalModeSetting = "CAREERS_LOCAL_MODE";

    public static RuntimeMode Detect(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration[PortVariable]))
        {
            return RuntimeMode.Hosted;
        }

        return string.Equals(configuration[LocalModeSetting], "true", StringComparison.OrdinalIgnoreCase)
            ? RuntimeMode.Local
            : throw new InvalidOperationException($"No runtime mode: {PortVariable} is not set (the Functions host sets it) and {LocalModeSetting}=true was not asked for (scripts/run sets it for local development).");
    }
}
