namespace CareersPipeline.Deployment.Tests.Hooks;

/// <summary>
/// A temporary folder of fake `az`, `azd` and `curl` put first on PATH, so the hooks run for real without Azure. Each fake
/// appends its arguments (and curl its stdin, where the hooks pass headers) to calls.log.
/// </summary>
internal sealed class FakeTools : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hook-tests-");

    public FakeTools()
    {
        Write("az", """
            #!/bin/sh
            echo "az $*" >> "$FAKE_LOG"
            case "$*" in
              "storage blob service-properties update"*) exit "${FAKE_AZ_EXIT:-0}" ;;
              "account get-access-token"*) echo fake-token ;;
            esac
            """);
        // azd's environment as a file of NAME=value lines, as .azure/<env>/.env is.
        Write("azd", """
            #!/bin/sh
            echo "azd $1 $2 $3" >> "$FAKE_LOG"
            case "$1 $2" in
              "env get-value") value=$(sed -n "s/^$3=//p" "$FAKE_AZD_ENV" 2>/dev/null); [ -n "$value" ] || exit 1; echo "$value" ;;
              "env set") echo "$3=$4" >> "$FAKE_AZD_ENV" ;;
            esac
            """);
        Write("curl", """
            #!/bin/sh
            echo "curl $*" >> "$FAKE_LOG"
            sed 's/^/stdin: /' >> "$FAKE_LOG"
            printf '%s' "${FAKE_CURL_STATUS:-200}"
            """);
    }

    public string LogPath => Path.Combine(_dir.FullName, "calls.log");

    public string AzdEnvironmentPath => Path.Combine(_dir.FullName, "azd.env");

    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{_dir.FullName}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_LOG"] = LogPath,
            ["FAKE_AZD_ENV"] = AzdEnvironmentPath,
            ["ENTRA_CLIENT_ID"] = "",
            ["HOOK_RETRY_DELAY_SECONDS"] = "0",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private void Write(string name, string script)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
