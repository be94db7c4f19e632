using System.Globalization;

namespace CareersPipeline.LoadTests;

/// <summary>Command-line settings. Defaults keep a full run under about five minutes on a 2-core machine.</summary>
internal sealed record HarnessOptions
{
    public const string Usage = """
        Usage: scripts/bench [options]   (or: dotnet CareersPipeline.LoadTests.dll [options])
          --concurrency C     in-flight requests for the raw and closed-loop sign-up phases (default 16)
          --requests N        operations in the raw phase and sign-ups in the closed-loop phase (default 2000)
          --warmup N          warm-up sign-ups and raw operations per round before measuring (default 300)
          --paced-seconds S   length of the paced phase at 50% of the sustained rate (default 20)
          --email-count N     sign-ups followed through to the outbox (default 100; the outbox lists only 200)
          --email-rate R      sign-ups per second in the email phase (default 20)
          --trickle-count N   single sign-ups on an idle app, followed to the outbox (default 8; 0 skips)
          --startup-runs N    measured start-ups per mode, after one discarded run (default 7; 0 skips)
          --quiet-wait S      first wait up to S seconds for other processes to use under 15% of the machine (default 30)
          --app-dir DIR       the Release build output (default functions/CareersPipeline.Functions/bin/Release/net10.0)
          --self-contained-dir DIR
                              the self-contained publish output whose start-up is also measured, hosted mode, as Azure
                              runs it (default artifacts/bench/self-contained, which scripts/bench publishes; skipped
                              with a note when it holds no executable)
          --out DIR           where signup-load.md and .json go (default benchmarks/results)
        """;

    public int Concurrency { get; init; } = 16;

    public int Requests { get; init; } = 2000;

    public int Warmup { get; init; } = 300;

    public int PacedSeconds { get; init; } = 20;

    public int EmailCount { get; init; } = 100;

    public double EmailRate { get; init; } = 20;

    public int TrickleCount { get; init; } = 8;

    public int StartupRuns { get; init; } = 7;

    public int QuietWait { get; init; } = 30;

    public string? AppDir { get; init; }

    public string? SelfContainedDir { get; init; }

    public bool Help { get; init; }

    public string? OutDir { get; init; }

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int(int min, int max)
            {
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            }

            options = name switch
            {
                "--help" or "-h" => options with { Help = true },
                "--concurrency" => options with { Concurrency = Int(1, 1024) },
                "--requests" => options with { Requests = Int(1, 1_000_000) },
                "--warmup" => options with { Warmup = Int(0, 100_000) },
                "--paced-seconds" => options with { PacedSeconds = Int(1, 600) },
                "--email-count" => options with { EmailCount = Int(1, 200) },
                "--email-rate" => options with { EmailRate = Int(1, 1000) },
                "--trickle-count" => options with { TrickleCount = Int(0, 100) },
                "--startup-runs" => options with { StartupRuns = Int(0, 100) },
                "--quiet-wait" => options with { QuietWait = Int(0, 3600) },
                "--app-dir" => options with { AppDir = Value() },
                "--self-contained-dir" => options with { SelfContainedDir = Value() },
                "--out" => options with { OutDir = Value() },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        return options;
    }
}
