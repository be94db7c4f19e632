using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Opportunities;

/// <summary>Draft -> Live -> Closed -> Archived through the API, with every illegal move refused and the public view kept current.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OpportunityLifecycleTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string Employer = "employer-uhnm";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        // The site's consumer is off, so PublicChanges_GoOnTheSiteChangeQueue can read the queue's messages itself.
        _app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["AzureWebJobs.PublishSiteChanges.Disabled"] = "true" });
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FullLifecycle_IsVisibleToThePublicOnlyWhileLive_AndKeepsItsHistory()
    {
        var id = await CreateAsync(OpportunityBodies.Vacancy());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.GetAsync($"/api/opportunities/{id}")).StatusCode);

        await ExpectAsync(HttpStatusCode.OK, "publish", id);
        var list = await PublicListAsync("?kind=EntryLevelVacancy");
        Assert.Contains(list, o => o.GetProperty("id").GetString() == id);

        using var close = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{id}/close", OpportunityBodies.Json(new { reason = "Filled", note = "All four posts filled at the Hanley event" }));
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = JsonDocument.Parse(await close.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("Filled", closed.GetProperty("closureReason").GetString());
        Assert.DoesNotContain(await PublicListAsync("?kind=EntryLevelVacancy"), o => o.GetProperty("id").GetString() == id);

        await ExpectAsync(HttpStatusCode.OK, "archive", id);
        var history = await HistoryAsync(id);
        Assert.Equal(["Draft>Live", "Live>Closed", "Closed>Archived"], history);
    }

    [Fact]
    public async Task IllegalMoves_AreRefusedWithConflict()
    {
        var id = await CreateAsync(OpportunityBodies.Vacancy());

        await ExpectAsync(HttpStatusCode.Conflict, "close", id, new { reason = "Manual" });
        await ExpectAsync(HttpStatusCode.OK, "publish", id);
        await ExpectAsync(HttpStatusCode.Conflict, "publish", id);
        await ExpectAsync(HttpStatusCode.Conflict, "archive", id);
        await ExpectAsync(HttpStatusCode.OK, "close", id, new { reason = "Manual" });
        using var edit = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, $"/api/employer/opportunities/{id}", OpportunityBodies.Json(OpportunityBodies.Vacancy()), await _app.ETagAsync(Employer, $"/api/employer/opportunities/{id}"));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        await ExpectAsync(HttpStatusCode.OK, "archive", id);
        await ExpectAsync(HttpStatusCode.Conflict, "publish", id);
    }

    [Fact]
    public async Task Close_WithoutAReason_IsAValidationProblem()
    {
        var id = await CreateAsync(OpportunityBodies.Vacancy());
        await ExpectAsync(HttpStatusCode.OK, "publish", id);

        await ExpectAsync(HttpStatusCode.BadRequest, "close", id, new { note = "no reason" });
        await ExpectAsync(HttpStatusCode.BadRequest, "close", id, new { reason = "ClosingDate" });
    }

    [Fact]
    public async Task ConcurrentPublishes_OnlyOneWins()
    {
        var id = await CreateAsync(OpportunityBodies.Vacancy());

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(["Draft>Live"], await HistoryAsync(id));
    }

    [Fact]
    public async Task ClosingDateTimer_ClosesLiveOpportunitiesPastTheirDate()
    {
        var id = await CreateAsync(OpportunityBodies.Vacancy(closingInDays: 1));
        await ExpectAsync(HttpStatusCode.OK, "publish", id);

        _app.Time.Offset = TimeSpan.FromDays(3);
        await _app.Services.GetRequiredService<OpportunityClosingJob>().RunAsync(CancellationToken.None);

        var stored = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Closed, stored.Status);
        Assert.Equal(ClosureReason.ClosingDate, stored.ClosureReason);
        Assert.Equal(OpportunityClosingJob.By, stored.History[^1].By);
    }

    [Fact]
    public async Task PublicChanges_GoOnTheSiteChangeQueue_AndDraftEditsDoNot()
    {
        // Start the queue empty to read this test's messages (the collection runs one test at a time).
        await storage.RawQueues.GetQueueClient(StorageNames.Queues.SiteChanges).ClearMessagesAsync();
        var id = await CreateAsync(OpportunityBodies.Vacancy());
        using var draftEdit = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, $"/api/employer/opportunities/{id}", OpportunityBodies.Json(OpportunityBodies.Vacancy()), await _app.ETagAsync(Employer, $"/api/employer/opportunities/{id}"));
        Assert.Equal(HttpStatusCode.OK, draftEdit.StatusCode);
        Assert.Empty(await SiteChangesForAsync(id));

        await ExpectAsync(HttpStatusCode.OK, "publish", id);
        var changed = OpportunityBodies.Vacancy();
        changed["positions"] = 6;
        using var liveEdit = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, $"/api/employer/opportunities/{id}", OpportunityBodies.Json(changed), await _app.ETagAsync(Employer, $"/api/employer/opportunities/{id}"));
        Assert.Equal(HttpStatusCode.OK, liveEdit.StatusCode);
        await ExpectAsync(HttpStatusCode.OK, "close", id, new { reason = "Manual" });

        Assert.Equal(["published", "updated", "closed"], await SiteChangesForAsync(id));
    }

    [Fact]
    public async Task InvalidOpportunity_ReportsEveryFieldError()
    {
        var body = OpportunityBodies.Apprenticeship();
        body["title"] = "";
        body["postcodes"] = new[] { "NOPE" };
        body["closingDate"] = "2020-01-01";
        body["hoursPerWeek"] = 10m;
        body["apprenticeship"] = new { standardTitle = "x", larsCode = 0, level = 9, route = "r", durationMonths = 6, trainingProvider = "p" };

        using var response = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "title", "postcodes[0]", "closingDate", "hoursPerWeek", "apprenticeship.larsCode", "apprenticeship.level", "apprenticeship.durationMonths" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    private async Task<string> CreateAsync(Dictionary<string, object?> body)
    {
        using var response = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private async Task ExpectAsync(HttpStatusCode expected, string action, string id, object? body = null)
    {
        using var response = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{id}/{action}", body is null ? null : OpportunityBodies.Json(body));
        Assert.True(expected == response.StatusCode, $"{action}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<List<JsonElement>> PublicListAsync(string query)
    {
        var page = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/opportunities" + query + "&pageSize=100")).RootElement;
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<List<string>> HistoryAsync(string id)
    {
        var stored = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value;
        return stored.History.Select(h => $"{h.From}>{h.To}").ToList();
    }

    private async Task<List<string>> SiteChangesForAsync(string id)
    {
        var messages = await storage.RawQueues.GetQueueClient(StorageNames.Queues.SiteChanges).PeekMessagesAsync(32);
        return messages.Value
            .Select(m => JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).RootElement)
            .Where(m => m.GetProperty("itemId").GetString() == id)
            .Select(m => m.GetProperty("change").GetString()!)
            .ToList();
    }
}
