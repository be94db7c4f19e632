using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Hosting;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Benchmarks.StaffWorkspace;

/// <summary>
/// Issue 20's target: with 10,000 opportunities across 200 employers and 100,000 people, an employer's home and
/// opportunity list and the admin's staff and schools lists render in under 100 ms at the 95th percentile. The app
/// runs in process in local mode against a real Azurite (in memory, loopback); each page is asked for over HTTP as a
/// browser would, signed in with the development header, cycling through the 200 employers.
/// </summary>
internal sealed class StaffWorkspaceSuite : IBenchmarkSuite
{
    private const int Warmup = 20;

    public string Name => "staff";

    public string Description => "staff workspace: employer home and list, admin staff and schools lists, 10,000 opportunities, 100,000 people (staff-workspace.md)";

    public async Task<int> RunAsync(string[] args, string resultsDirectory)
    {
        var requests = Option(args, "--requests", 200);
        var people = Option(args, "--people", StaffWorkspaceData.People);
        var root = Path.GetFullPath(Path.Combine(resultsDirectory, "..", ".."));
        using var azurite = await LocalAzurite.StartAsync(root);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var app = FunctionApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings(azurite.ConnectionString, baseUrl));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        await WaitForStorageAsync(http);

        var seeding = Stopwatch.StartNew();
        Console.WriteLine("Seeding 200 employers, 5,000 schools, 1,000 staff and 10,000 opportunities");
        await SeedWorkspaceAsync(app.Services);
        Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0} s");

        // The pages read no person's row, so the people come second: the pages are measured before and after, and
        // the report says how many people were there (Azurite takes its time over 100,000 single-row partitions).
        var report = new StaffWorkspaceReport(requests);
        await MeasureAllAsync(http, report.Before, requests);
        seeding.Restart();
        report.People = await SeedPeopleAsync(app.Services, people);
        Console.WriteLine($"  {report.People:N0} people seeded in {seeding.Elapsed.TotalSeconds:0} s");
        await MeasureAllAsync(http, report.Results, requests);

        var path = Path.Combine(resultsDirectory, "staff-workspace.md");
        await File.WriteAllTextAsync(path, report.ToMarkdown());
        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private static Dictionary<string, string?> Settings(string storage, string baseUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["PUBLIC_BASE_URL"] = baseUrl,
            ["urls"] = baseUrl,
            [RuntimeModes.LocalModeSetting] = "true",
            ["TOKEN_SIGNING_KEY"] = "benchmark-only-signing-key-0123456789abcdef",
            ["RATE_LIMIT_CLIENT_PERMITS"] = "1000000",
            ["RATE_LIMIT_ADDRESS_PERMITS"] = "1000000",
        };

        // Timers stay quiet (once a year): the run measures pages, not a nightly pass running beside them.
        foreach (var schedule in new[] { "GEOCODE_RETRY", "SIGNUP_RECOVERY", "NATIONAL_VACANCIES", "OPPORTUNITY_CLOSING", "LEVY_TRANSFER", "LEVY_SUMMARY", "MATCHING", "MATCH_DIGEST", "CLOSING_REMINDER", "PRIVACY_RETENTION", "SITE_REBUILD", "SITE_SEARCH" })
        {
            settings[$"{schedule}_SCHEDULE"] = "0 0 0 1 1 *";
        }

        return settings;
    }

    private static async Task WaitForStorageAsync(HttpClient http)
    {
        var watch = Stopwatch.StartNew();
        while (!(await http.GetAsync("/api/health")).IsSuccessStatusCode)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The app did not provision storage within two minutes.");
            }

            await Task.Delay(200);
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;

    private static async Task MeasureAllAsync(HttpClient http, List<PageTimings> into, int requests)
    {
        foreach (var page in StaffWorkspaceReport.Pages)
        {
            Console.WriteLine($"Measuring {page.Name}");
            into.Add(await MeasureAsync(http, page, requests));
        }
    }

    private static async Task SeedWorkspaceAsync(IServiceProvider services)
    {
        var ct = CancellationToken.None;
        var referenceData = services.GetRequiredService<ReferenceDataStore>();
        await referenceData.MergeManyAsync([.. Enumerable.Range(0, StaffWorkspaceData.Employers).Select(StaffWorkspaceData.Employer)], ct);
        await referenceData.MergeManyAsync([.. Enumerable.Range(0, StaffWorkspaceData.Schools).Select(StaffWorkspaceData.School)], ct);

        var staff = services.GetRequiredService<StaffDirectory>();
        await Parallel.ForAsync(0, StaffWorkspaceData.Staff, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, c) => await staff.UpsertAsync(StaffWorkspaceData.StaffMember(n), c));

        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var opportunities = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Opportunities);
        await Parallel.ForAsync(0, StaffWorkspaceData.Opportunities, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, c) =>
            await opportunities.UpsertEntityAsync(Core.Features.Opportunities.OpportunityEntity.From(StaffWorkspaceData.Opportunity(n, today, now)), TableUpdateMode.Replace, c));
    }

    /// <summary>Seeds up to <paramref name="count"/> people, stopping after seven minutes; returns how many are stored.</summary>
    private static async Task<int> SeedPeopleAsync(IServiceProvider services, int count)
    {
        var applicants = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Applicants);
        var now = TimeProvider.System.GetUtcNow();
        var stored = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(7));
        try
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = limit.Token }, async (n, c) =>
            {
                await applicants.UpsertEntityAsync(StaffWorkspaceData.Person(n, now), TableUpdateMode.Replace, c);
                if (Interlocked.Increment(ref stored) % 10_000 == 0)
                {
                    Console.WriteLine($"  {stored:N0} people");
                }
            });
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"  stopped after seven minutes at {stored:N0} people");
        }

        return stored;
    }

    private static async Task<PageTimings> MeasureAsync(HttpClient http, StaffWorkspacePage page, int requests)
    {
        var times = new List<double>(requests);
        var bytes = 0L;
        for (var i = -Warmup; i < requests; i++)
        {
            var employer = ((i % StaffWorkspaceData.Employers) + StaffWorkspaceData.Employers) % StaffWorkspaceData.Employers;
            using var request = new HttpRequestMessage(HttpMethod.Get, page.Path);
            request.Headers.Add("X-Dev-User", page.AsEmployer ? StaffWorkspaceData.EmployerStaffId(employer) : StaffWorkspaceData.AdminId);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{page.Path} answered {(int)response.StatusCode}.");
            }

            if (i >= 0)
            {
                times.Add(elapsed);
                bytes += body.Length;
            }
        }

        return new PageTimings(page, times, bytes / requests);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
