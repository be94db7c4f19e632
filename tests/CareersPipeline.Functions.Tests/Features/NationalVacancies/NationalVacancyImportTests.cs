using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CareersPipeline.Core.Features.NationalVacancies;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace CareersPipeline.Functions.Tests.Features.NationalVacancies;

/// <summary>
/// The national vacancies import against a fake of the DfE API: paging, headers and query, upserts by reference,
/// closures, and all-or-nothing behaviour when the API fails, is slow, throttles or refuses the key.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class NationalVacancyImportTests(AzuriteFixture storage) : IDisposable
{
    private const string ApiKey = "test-subscription-key";
    private const string ImportPath = "/api/manage/national-vacancies/import";
    private readonly FakeVacanciesApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Import_RequestsEveryPage_WithTheKeyVersionNhsSourceAndAreaQuery()
    {
        var references = Enumerable.Range(0, 5).Select(_ => FakeVacanciesApi.NewReference()).ToList();
        _api.ServeFeed([.. references.Select(r => FakeVacanciesApi.Vacancy(r))]);
        await using var app = await StartAsync();

        var summary = Completed(await RunAsync(app));

        Assert.Equal(new NationalImportSummary(5, 5, 0, 0, 0, 0), summary);
        var requests = _api.Requests.OrderBy(r => FakeVacanciesApi.Query(r, "PageNumber"), StringComparer.Ordinal).ToList();
        Assert.Equal(["1", "2", "3"], requests.Select(r => FakeVacanciesApi.Query(r, "PageNumber")));
        foreach (var request in requests)
        {
            Assert.Equal("GET", request.RequestMessage.Method);
            Assert.Equal(ApiKey, FakeVacanciesApi.Header(request, "Ocp-Apim-Subscription-Key"));
            Assert.Equal("2", FakeVacanciesApi.Header(request, "X-Version"));
            Assert.Equal("Nhs", FakeVacanciesApi.Header(request, "AdditionalDataSources"));
            Assert.Equal("52.98", FakeVacanciesApi.Query(request, "Lat"));
            Assert.Equal("-2.13", FakeVacanciesApi.Query(request, "Lon"));
            Assert.Equal("30", FakeVacanciesApi.Query(request, "DistanceInMiles"));
            Assert.Equal("100", FakeVacanciesApi.Query(request, "PageSize"));
            Assert.Equal("true", FakeVacanciesApi.Query(request, "IncludeDetails"));
            Assert.Equal("AgeDesc", FakeVacanciesApi.Query(request, "Sort"));
        }

        foreach (var reference in references)
        {
            var stored = await FindAsync(app, reference);
            Assert.Equal(OpportunityStatus.Live, stored.Status);
            Assert.Equal(OpportunitySource.National, stored.Source);
        }

        Assert.Equal(references.Select(OpportunityIds.National).Order().ToList(), (await SiteChangesAsync("published")).Order().ToList());
    }

    [Fact]
    public async Task Import_MapsTheVacancyToAnOpportunity()
    {
        var reference = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(reference)]);
        await using var app = await StartAsync(new() { ["AREA_LATITUDE"] = "52.8", ["AREA_LONGITUDE"] = "-2.1", ["AREA_RADIUS_MILES"] = "15" });

        Completed(await RunAsync(app));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(("52.8", "-2.1", "15"), (FakeVacanciesApi.Query(request, "Lat"), FakeVacanciesApi.Query(request, "Lon"), FakeVacanciesApi.Query(request, "DistanceInMiles")));
        var o = await FindAsync(app, reference);
        Assert.Equal(OpportunityIds.National(reference), o.Id);
        Assert.Equal(reference, o.ExternalReference);
        Assert.Equal(OpportunityKind.Apprenticeship, o.Kind);
        Assert.Equal(NationalVacancyMapper.EmployerCode, o.EmployerCode);
        Assert.Equal("University Hospitals of North Midlands NHS Trust", o.EmployerName);
        Assert.Equal("Healthcare Support Worker Apprentice", o.Title);
        Assert.StartsWith("Join our ward team", o.Summary, StringComparison.Ordinal);
        Assert.Equal(CareerFamily.WiderHealthcareTeam, o.CareerFamily);
        Assert.Equal(3, o.Positions);
        Assert.Equal(
            [new OpportunityLocation("ST4 6QG", 52.9945, -2.2139), new OpportunityLocation("ST16 3SA", 52.8256, -2.1198)],
            o.Locations);
        Assert.Equal(new Wage(WageType.Fixed, 24071m, WageUnit.Annually, "Agenda for Change band 2"), o.Wage);
        Assert.Equal(37.5m, o.HoursPerWeek);
        Assert.Equal(FakeVacanciesApi.Today.AddDays(60), o.StartDate);
        Assert.Equal(FakeVacanciesApi.Today.AddDays(20), o.ClosingDate);
        Assert.Equal(new ApprenticeshipDetails("Healthcare support worker", 296, 2, "Health and science", 18, "Stoke on Trent College"), o.Apprenticeship);
        Assert.True(o.DisabilityConfident);
        Assert.Equal(new HowToApply(false, $"https://jobs.example.nhs.uk/apply/{reference}"), o.HowToApply);
        var published = Assert.Single(o.History);
        Assert.Equal((OpportunityStatus.Draft, OpportunityStatus.Live, NationalVacancyImport.By), (published.From, published.To, published.By));

        // Contact details the API sends are personal data with no use here: they are not stored.
        var row = await storage.Tables.GetTableClient(StorageNames.Tables.Opportunities).GetEntityAsync<TableEntity>(o.Id, OpportunityEntity.Row);
        Assert.DoesNotContain("recruiter", row.Value.GetString("Data"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SecondRun_SkipsUnchanged_UpdatesChanged_AddsNew_AndClosesTheVacancyThatLeftTheFeed()
    {
        string same = FakeVacanciesApi.NewReference(), changed = FakeVacanciesApi.NewReference(), removed = FakeVacanciesApi.NewReference(), added = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(same), FakeVacanciesApi.Vacancy(changed), FakeVacanciesApi.Vacancy(removed)]);
        await using var app = await StartAsync();
        Completed(await RunAsync(app));
        var before = await FindVersionedAsync(app, changed);
        var sameBefore = await FindVersionedAsync(app, same);
        await ClearSiteChangesAsync();

        _api.Server.Reset();
        var edited = FakeVacanciesApi.Vacancy(changed, title: "Senior Healthcare Support Worker Apprentice");
        edited["wage"]!["wageAmount"] = 25500m;
        edited["numberOfPositions"] = 5;
        _api.ServeFeed([FakeVacanciesApi.Vacancy(added), edited, FakeVacanciesApi.Vacancy(same)]);
        app.Time.Offset = TimeSpan.FromHours(1);
        var summary = Completed(await RunAsync(app));

        Assert.Equal(new NationalImportSummary(3, 1, 1, 1, 1, 0), summary);
        Assert.Equal(sameBefore.ETag, (await FindVersionedAsync(app, same)).ETag);

        var after = await FindVersionedAsync(app, changed);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(OpportunityStatus.Live, after.Value.Status);
        Assert.Equal("Senior Healthcare Support Worker Apprentice", after.Value.Title);
        Assert.Equal(25500m, after.Value.Wage.Amount);
        Assert.Equal(5, after.Value.Positions);
        Assert.Equal(before.Value.CreatedAt, after.Value.CreatedAt);
        Assert.True(after.Value.UpdatedAt > before.Value.UpdatedAt);
        Assert.Equal(before.Value.History.Count, after.Value.History.Count);

        var gone = await FindAsync(app, removed);
        Assert.Equal(OpportunityStatus.Closed, gone.Status);
        Assert.Equal(ClosureReason.NoLongerAdvertised, gone.ClosureReason);
        Assert.Equal(NationalVacancyImport.By, gone.History[^1].By);

        Assert.Equal(OpportunityStatus.Live, (await FindAsync(app, added)).Status);
        Assert.Equal([OpportunityIds.National(added)], await SiteChangesAsync("published"));
        Assert.Equal([OpportunityIds.National(changed)], await SiteChangesAsync("updated"));
        Assert.Equal([OpportunityIds.National(removed)], await SiteChangesAsync("closed"));
        Assert.Empty(await SiteChangesForAsync(OpportunityIds.National(same)));
    }

    [Fact]
    public async Task VacancyPastItsClosingDate_IsClosedWithThatReason_AndAnExpiredNewOneIsNotAdded()
    {
        string listed = FakeVacanciesApi.NewReference(), unlisted = FakeVacanciesApi.NewReference(), expired = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(listed, closingInDays: 3), FakeVacanciesApi.Vacancy(unlisted, closingInDays: 3)]);
        await using var app = await StartAsync();
        Completed(await RunAsync(app));

        // Five days on: one is still (wrongly) listed with its old closing date, one left the feed after closing.
        _api.Server.Reset();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(listed, closingInDays: 3), FakeVacanciesApi.Vacancy(expired, closingInDays: -1)]);
        app.Time.Offset = TimeSpan.FromDays(5);
        var summary = Completed(await RunAsync(app));

        Assert.Equal(2, summary.Closed);
        Assert.Equal(0, summary.Added);
        foreach (var reference in new[] { listed, unlisted })
        {
            var closed = await FindAsync(app, reference);
            Assert.Equal(OpportunityStatus.Closed, closed.Status);
            Assert.Equal(ClosureReason.ClosingDate, closed.ClosureReason);
        }

        Assert.Null(await app.Services.GetRequiredService<OpportunityStore>().FindAsync(OpportunityIds.National(expired), CancellationToken.None));
    }

    [Fact]
    public async Task LocalOpportunities_AreNeverTouched()
    {
        await using var app = await StartAsync();
        var local = await AddLocalAsync(app);
        var reference = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(reference)]);

        Completed(await RunAsync(app));
        _api.Server.Reset();
        _api.ServeFeed([]);
        var summary = Completed(await RunAsync(app));

        Assert.Equal(1, summary.Closed);
        Assert.Equal(OpportunityStatus.Closed, (await FindAsync(app, reference)).Status);
        var after = await app.Services.GetRequiredService<OpportunityStore>().FindAsync(local.Value.Id, CancellationToken.None);
        Assert.Equal(local.ETag, after!.ETag);
        Assert.Equal(OpportunityStatus.Live, after.Value.Status);
        Assert.Empty(await SiteChangesForAsync(local.Value.Id));
    }

    [Fact]
    public async Task FeedThatChangedWhilePaged_ClosesNothingForBeingAbsent()
    {
        string kept = FakeVacanciesApi.NewReference(), other = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(kept)]);
        await using var app = await StartAsync();
        Completed(await RunAsync(app));

        // The totals say three vacancies, but only one arrived: a page shifted under us.
        _api.Server.Reset();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(other)], totalFilteredOverride: 3);
        var summary = Completed(await RunAsync(app));

        Assert.Equal((1, 0), (summary.Added, summary.Closed));
        Assert.Equal(OpportunityStatus.Live, (await FindAsync(app, kept)).Status);
        Assert.Contains(app.Logs.Lines, l => l.Contains("changed while its", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unauthorized_AbortsWithoutRetrying_AndChangesNothing()
    {
        var existing = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(existing)]);
        await using var app = await StartAsync();
        Completed(await RunAsync(app));
        var before = await FindVersionedAsync(app, existing);
        await ClearSiteChangesAsync();

        _api.Server.Reset();
        _api.Fail(null, 401);
        var outcome = await RunAsync(app);

        var failed = Assert.IsType<NationalImportOutcome.Failed>(outcome);
        Assert.True(failed.Unauthorized);
        Assert.Single(_api.Requests);
        await AssertUnchangedAsync(app, before);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("DFE_VACANCIES_API_KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerErrorOnPage2Of3_ChangesNothing_NotEvenPage1sVacancies()
    {
        var existing = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(existing)]);
        await using var app = await StartAsync();
        Completed(await RunAsync(app));
        var before = await FindVersionedAsync(app, existing);
        await ClearSiteChangesAsync();

        _api.Server.Reset();
        var fresh = Enumerable.Range(0, 6).Select(_ => FakeVacanciesApi.NewReference()).ToList();
        _api.ServeFeed([.. fresh.Select(r => FakeVacanciesApi.Vacancy(r))]);
        _api.Fail(2, 500);
        var outcome = await RunAsync(app);

        var failed = Assert.IsType<NationalImportOutcome.Failed>(outcome);
        Assert.Contains("500", failed.Reason, StringComparison.Ordinal);
        var pages = _api.Requests.Select(r => FakeVacanciesApi.Query(r, "PageNumber")).ToList();
        Assert.Equal(1, pages.Count(p => p == "1"));
        Assert.Equal(3, pages.Count(p => p == "2")); // the first attempt and both retries
        Assert.DoesNotContain("3", pages);
        foreach (var reference in fresh)
        {
            Assert.Null(await app.Services.GetRequiredService<OpportunityStore>().FindAsync(OpportunityIds.National(reference), CancellationToken.None));
        }

        await AssertUnchangedAsync(app, before);
    }

    [Fact]
    public async Task TooManyRequests_IsRetried_AndTheImportCompletes()
    {
        var reference = FakeVacanciesApi.NewReference();
        _api.Server.Given(FakeVacanciesApi.PageRequest(1)).InScenario("throttled").WillSetStateTo("served").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        _api.ServeFeed([FakeVacanciesApi.Vacancy(reference)]);
        await using var app = await StartAsync();

        var summary = Completed(await RunAsync(app));

        Assert.Equal(1, summary.Added);
        Assert.Equal([429, 200], _api.Requests.Select(r => r.ResponseMessage.StatusCode).Cast<object>().Select(Convert.ToInt32));
        Assert.Equal(OpportunityStatus.Live, (await FindAsync(app, reference)).Status);
    }

    [Fact]
    public async Task SlowResponses_BeyondTheAttemptTimeout_FailTheRun_AndChangeNothing()
    {
        var reference = FakeVacanciesApi.NewReference();
        _api.Server.Given(FakeVacanciesApi.PageRequest(1)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(FakeVacanciesApi.Pages([FakeVacanciesApi.Vacancy(reference)])[0]).WithDelay(TimeSpan.FromSeconds(3)));
        await using var app = await StartAsync(new() { ["Resilience:Vacancies:AttemptTimeout:Timeout"] = "00:00:00.300" });

        var watch = Stopwatch.StartNew();
        var outcome = await RunAsync(app);

        var failed = Assert.IsType<NationalImportOutcome.Failed>(outcome);
        Assert.Contains("in time", failed.Reason, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}: the attempt timeout did not cut the slow answers short");
        Assert.Null(await app.Services.GetRequiredService<OpportunityStore>().FindAsync(OpportunityIds.National(reference), CancellationToken.None));
    }

    [Fact]
    public async Task SlowResponseOnce_IsRetriedAfterTheAttemptTimeout()
    {
        var reference = FakeVacanciesApi.NewReference();
        var page = FakeVacanciesApi.Pages([FakeVacanciesApi.Vacancy(reference)])[0];
        var calls = 0;
        _api.Server.Given(FakeVacanciesApi.PageRequest(1))
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                // Only the first answer is slow (a scenario state would change only once that answer was sent).
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(3));
                }

                var response = new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = page, DetectedBodyType = BodyType.String } };
                response.AddHeader("Content-Type", "application/json");
                return (IResponseMessage)response;
            }));
        await using var app = await StartAsync(new() { ["Resilience:Vacancies:AttemptTimeout:Timeout"] = "00:00:00.300" });

        var summary = Completed(await RunAsync(app));

        Assert.Equal(1, summary.Added);
        Assert.Equal(2, calls);
        Assert.Equal(OpportunityStatus.Live, (await FindAsync(app, reference)).Status);
    }

    [Fact]
    public async Task CircuitBreaker_StopsCallingAFailingApi()
    {
        _api.Fail(null, 503);
        await using var app = await StartAsync(new()
        {
            ["Resilience:Vacancies:Retry:MaxRetryAttempts"] = "5",
            ["Resilience:Vacancies:CircuitBreaker:MinimumThroughput"] = "2",
            ["Resilience:Vacancies:CircuitBreaker:FailureRatio"] = "0.5",
            ["Resilience:Vacancies:CircuitBreaker:BreakDuration"] = "00:00:30",
        });

        var first = Assert.IsType<NationalImportOutcome.Failed>(await RunAsync(app));
        var callsAfterFirstRun = _api.Requests.Count;
        var second = Assert.IsType<NationalImportOutcome.Failed>(await RunAsync(app));

        // Without the breaker the first run alone would make six calls (one and five retries).
        Assert.Equal(2, callsAfterFirstRun);
        Assert.Equal(callsAfterFirstRun, _api.Requests.Count);
        Assert.Contains("circuit breaker", second.Reason, StringComparison.Ordinal);
        Assert.NotNull(first.Reason);
    }

    [Fact]
    public async Task WithoutAnApiKey_TheImportSaysSo_AndCallsNothing()
    {
        _api.ServeFeed([FakeVacanciesApi.Vacancy(FakeVacanciesApi.NewReference())]);
        await using var app = await StartAsync(new() { ["DFE_VACANCIES_API_KEY"] = "" });

        var outcome = await RunAsync(app);

        Assert.IsType<NationalImportOutcome.NotConfigured>(outcome);
        Assert.Empty(_api.Requests);
        Assert.Contains(app.Logs.Lines, l => l.Contains("not configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminEndpoint_NeedsAnAdmin_AndReturnsTheSummary()
    {
        var reference = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(reference)]);
        await using var app = await StartAsync();
        await app.SeedStaffAsync();

        using var anonymous = await app.SendAsStaffAsync(null, HttpMethod.Post, ImportPath);
        using var employer = await app.SendAsStaffAsync("employer-uhnm", HttpMethod.Post, ImportPath);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Empty(_api.Requests);

        using var admin = await app.SendAsStaffAsync("admin-ics", HttpMethod.Post, ImportPath);

        var text = await admin.Content.ReadAsStringAsync();
        Assert.True(admin.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(
            [1, 1, 0, 0, 0],
            new[] { "fetched", "added", "updated", "closed", "unchanged" }.Select(p => body.GetProperty(p).GetInt32()));
        Assert.Equal(OpportunityStatus.Live, (await FindAsync(app, reference)).Status);
    }

    [Fact]
    public async Task AdminEndpoint_AnswersBadGateway_WhenTheApiFails()
    {
        _api.Fail(null, 500);
        await using var app = await StartAsync();
        await app.SeedStaffAsync();

        using var response = await app.SendAsStaffAsync("admin-ics", HttpMethod.Post, ImportPath);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timer_RunsTheImportOnItsSchedule()
    {
        var reference = FakeVacanciesApi.NewReference();
        _api.ServeFeed([FakeVacanciesApi.Vacancy(reference)]);
        await using var app = await StartAsync(new() { ["NATIONAL_VACANCIES_SCHEDULE"] = "*/1 * * * * *" });

        var stored = await Eventually.GetAsync(
            () => app.Services.GetRequiredService<OpportunityStore>().FindAsync(OpportunityIds.National(reference), CancellationToken.None),
            "the timer to import the vacancy");

        Assert.Equal(OpportunityStatus.Live, stored.Value.Status);
    }

    private async Task<TestApp> StartAsync(Dictionary<string, string?>? overrides = null)
    {
        // A status blob left by an app with another schedule would make this timer run once as past due.
        await storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient("timers/careerspipeline-local/ImportNationalVacancies/status").DeleteIfExistsAsync();

        var settings = new Dictionary<string, string?>
        {
            // The site's consumer is off, so the tests can read the site-changes queue's messages themselves.
            ["AzureWebJobs.PublishSiteChanges.Disabled"] = "true",
            ["DFE_VACANCIES_BASE_URL"] = _api.BaseUrl,
            ["DFE_VACANCIES_API_KEY"] = ApiKey,
            ["NATIONAL_VACANCIES_SCHEDULE"] = "0 0 0 1 1 *",
            ["Resilience:Vacancies:Retry:MaxRetryAttempts"] = "2",
            ["Resilience:Vacancies:Retry:Delay"] = "00:00:00.010",
            ["Resilience:Vacancies:Retry:BackoffType"] = "Constant",
            ["Resilience:Vacancies:Retry:UseJitter"] = "false",
            ["Resilience:Vacancies:AttemptTimeout:Timeout"] = "00:00:02",
            ["Resilience:Vacancies:TotalRequestTimeout:Timeout"] = "00:00:10",
            ["Resilience:Vacancies:CircuitBreaker:SamplingDuration"] = "00:00:10",
            ["Resilience:Vacancies:CircuitBreaker:MinimumThroughput"] = "100",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var app = await TestApp.StartAsync(storage, settings: settings);
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);

        // National opportunities left by earlier tests would be closed as "no longer advertised" and skew the counts.
        var table = storage.Tables.GetTableClient(StorageNames.Tables.Opportunities);
        await foreach (var row in table.QueryAsync<TableEntity>($"{nameof(OpportunityEntity.Source)} eq '{nameof(OpportunitySource.National)}'", select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await ClearSiteChangesAsync();
        return app;
    }

    private static Task<NationalImportOutcome> RunAsync(TestApp app) =>
        app.Services.GetRequiredService<NationalVacancyImport>().RunAsync(CancellationToken.None);

    private static NationalImportSummary Completed(NationalImportOutcome outcome) =>
        Assert.IsType<NationalImportOutcome.Completed>(outcome).Summary;

    private static async Task<Versioned<Opportunity>> FindVersionedAsync(TestApp app, string reference) =>
        await app.Services.GetRequiredService<OpportunityStore>().FindAsync(OpportunityIds.National(reference), CancellationToken.None)
            ?? throw new Xunit.Sdk.XunitException($"No opportunity for {reference}.");

    private static async Task<Opportunity> FindAsync(TestApp app, string reference) => (await FindVersionedAsync(app, reference)).Value;

    private async Task AssertUnchangedAsync(TestApp app, Versioned<Opportunity> before)
    {
        var after = await app.Services.GetRequiredService<OpportunityStore>().FindAsync(before.Value.Id, CancellationToken.None);
        Assert.Equal(before.ETag, after!.ETag);
        Assert.Equal(OpportunityStatus.Live, after.Value.Status);
        Assert.Empty(await SiteChangeMessagesAsync());
    }

    private static async Task<Versioned<Opportunity>> AddLocalAsync(TestApp app)
    {
        var now = app.Time.GetUtcNow();
        var local = new Opportunity
        {
            Id = OpportunityIds.NewLocal(),
            Kind = OpportunityKind.EntryLevelVacancy,
            Status = OpportunityStatus.Live,
            EmployerCode = "UHNM",
            EmployerName = "University Hospitals of North Midlands NHS Trust",
            Title = "Ward housekeeper",
            Summary = "Keep our wards running.",
            CareerFamily = CareerFamily.EstatesAndFacilities,
            Locations = [new OpportunityLocation("ST4 6QG", 52.9945, -2.2139)],
            Wage = new Wage(WageType.Fixed, 23615m, WageUnit.Annually),
            HoursPerWeek = 37.5m,
            ClosingDate = FakeVacanciesApi.Today.AddDays(14),
            HowToApply = new HowToApply(true),
            Vacancy = new VacancyDetails("Band 2", ContractType.Permanent),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var store = app.Services.GetRequiredService<OpportunityStore>();
        Assert.True(await store.TryAddAsync(local, CancellationToken.None));
        return (await store.FindAsync(local.Id, CancellationToken.None))!;
    }

    private async Task ClearSiteChangesAsync() => await storage.RawQueues.GetQueueClient(StorageNames.Queues.SiteChanges).ClearMessagesAsync();

    private async Task<List<JsonObject>> SiteChangeMessagesAsync()
    {
        var messages = await storage.RawQueues.GetQueueClient(StorageNames.Queues.SiteChanges).PeekMessagesAsync(32);
        return [.. messages.Value.Select(m => JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))!.AsObject())];
    }

    private async Task<List<string>> SiteChangesAsync(string change) =>
        [.. (await SiteChangeMessagesAsync()).Where(m => (string?)m["change"] == change).Select(m => (string)m["itemId"]!)];

    private async Task<List<string>> SiteChangesForAsync(string id) =>
        [.. (await SiteChangeMessagesAsync()).Where(m => (string?)m["itemId"] == id).Select(m => (string)m["change"]!)];
}
