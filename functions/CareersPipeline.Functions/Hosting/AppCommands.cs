using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Manifests;

namespace CareersPipeline.Functions.Hosting;

/// <summary>
/// The executable's commands: no command serves the app (either mode); "seed" fills local storage with demo data;
/// "manifests DIR" writes host.json and every function.json (the build runs it for publish output).
/// </summary>
public static class AppCommands
{
    private const string Usage = """
        Usage: CareersPipeline.Functions [command]
          (none)                 run the function app (local mode on http://localhost:7071, or hosted by the Functions host)
          seed [--applicants N]  fill storage with demo data for an English ICS (default 60 applicants)
          manifests <directory>  write host.json and <FunctionName>/function.json for every function
          build-site             build the static site into storage's $web container (what scripts/run does after seeding)
          poison list            list the queues' messages that failed every attempt, with their last error
          poison requeue <queue> [<message id>]
                                 send a queue's failed messages (or one of them) back to it
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunCommandAsync(args);
        }
        catch (InvalidOperationException e)
        {
            // Configuration problems: the message says what to set; a stack trace would only hide it.
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunCommandAsync(string[] args)
    {
        var command = args.FirstOrDefault() is { } first && !first.StartsWith('-') ? first : "serve";
        switch (command)
        {
            case "serve":
                await FunctionApp.Build(args.SkipWhile(a => a == "serve").ToArray()).RunAsync();
                return 0;
            case "manifests" when args.Length == 2:
                var written = ManifestWriter.Write(args[1], FunctionCatalog.All);
                Console.WriteLine($"Wrote {written.Count} manifests to {Path.GetFullPath(args[1])}");
                return 0;
            case "seed":
                return await SeedAsync(args[1..]);
            case "build-site":
                return await BuildSiteAsync();
            case "poison" when args is [_, "list"] or [_, "requeue", _] or [_, "requeue", _, _]:
                return await PoisonAsync(args[1..]);
            case "--help" or "-h" or "help":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'.\n{Usage}");
                return 2;
        }
    }

    private static Task<int> BuildSiteAsync() => WithStorageAsync(async services =>
    {
        await services.GetRequiredService<Core.Storage.StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var report = await services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
        Console.WriteLine($"Built the site: {report.Rendered} pages, {report.Uploaded.Count} files uploaded, {report.Deleted.Count} removed, search index {(report.SearchIndexed ? "rebuilt" : "unchanged (or Pagefind missing: see the log)")}, in {report.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    });

    private static Task<int> PoisonAsync(string[] args) => WithStorageAsync(async services =>
    {
        var poison = services.GetRequiredService<Core.Features.Administration.PoisonMessages>();
        if (args is ["requeue", var queue, ..])
        {
            switch (await poison.RequeueAsync(queue, args.ElementAtOrDefault(2), CancellationToken.None))
            {
                case Core.Result<int>.Ok ok:
                    Console.WriteLine($"Sent {ok.Value} message(s) back to {queue}.");
                    return 0;
                case Core.Result<int>.NotFound notFound:
                    await Console.Error.WriteLineAsync($"error: {notFound.Detail}");
                    return 1;
            }
        }

        var queues = await poison.ListAsync(CancellationToken.None);
        if (queues.Count == 0)
        {
            Console.WriteLine("No failed messages.");
        }

        foreach (var contents in queues)
        {
            Console.WriteLine($"{contents.Queue}: {contents.Count} failed message(s)");
            foreach (var message in contents.Messages)
            {
                Console.WriteLine($"  {message.MessageId}  {message.PoisonedAt:yyyy-MM-dd HH:mm}  {message.Text}  {message.LastFailure?.Error ?? "(no error recorded)"}");
            }
        }

        return 0;
    });

    private static async Task<int> SeedAsync(string[] args)
    {
        var count = 60;
        if (args is ["--applicants", var value, ..] && (!int.TryParse(value, out count) || count is < 0 or > 100_000))
        {
            await Console.Error.WriteLineAsync("--applicants must be a whole number from 0 to 100000.");
            return 2;
        }

        // Progress lines are the output here; the per-applicant logs would drown them (WithStorageAsync logs warnings only).
        return await WithStorageAsync(async services =>
        {
            var summary = await services.GetRequiredService<DemoSeeder>().SeedAsync(count, new Progress<string>(line => Console.WriteLine($"  {line}")), CancellationToken.None);
            Console.WriteLine($"Seeded {summary.ReferenceItems} employers, schools, events and programmes, and {summary.Applicants} applicants ({summary.NewApplicants} new).");
            return 0;
        });
    }

    /// <summary>Runs a command against the storage the settings name; storage out of reach is one line, not a stack trace.</summary>
    private static async Task<int> WithStorageAsync(Func<IServiceProvider, Task<int>> run)
    {
        await using var app = FunctionApp.Build([], builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            return await run(app.Services);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"Could not reach storage ({e.GetType().Name}). Is Azurite running? scripts/run starts it for you.");
            return 1;
        }
    }
}
