using System.Reflection;
using CareersPipeline.Benchmarks;

// Exit codes: 0 the suite ran (whether or not targets were met: the report says), 1 it could not run, 2 bad arguments.
var suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var usage = "Usage: CareersPipeline.Benchmarks <suite> [options]\n" + string.Concat(suites.Select(s => $"  {s.Name,-12} {s.Description}\n"));
if (args is [] or ["-h" or "--help" or "help", ..])
{
    Console.WriteLine(usage);
    return args is [] ? 2 : 0;
}

if (suites.FirstOrDefault(s => s.Name == args[0]) is not { } suite)
{
    await Console.Error.WriteLineAsync($"error: unknown suite '{args[0]}'.\n{usage}");
    return 2;
}

var results = Path.Combine(RepositoryRoot(), "benchmarks", "results");
Directory.CreateDirectory(results);
try
{
    return await suite.RunAsync(args[1..], results);
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
{
    // What stops a suite from running (Azurite not installed, a port taken) is one line, not a stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}

// The repository root is where CareersPipeline.sln is, above the build output.
static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CareersPipeline.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException($"CareersPipeline.sln not found above {Assembly.GetExecutingAssembly().Location}.");
}
