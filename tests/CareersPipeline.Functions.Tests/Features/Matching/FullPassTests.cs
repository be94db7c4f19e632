using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>The nightly full pass reconciles what the queues could not tell: lost messages, and days passing.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class FullPassTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task FullPass_RebuildsALostRecord_AndDropsWhatClosedWithoutAMessage()
    {
        await using var app = await _world.StartAsync(storage);
        var closing = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1), closingInDays: 1));
        var lasting = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 2), closingInDays: 30));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false);
        var record = await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == closing) && r.Matches().Any(m => m.CandidateId == lasting), "both matches");

        // A crash lost the person's record; and two days pass, so one opportunity's closing date has gone by.
        var store = app.Services.GetRequiredService<MatchStore>();
        await store.DeleteRecordAsync(record.PartitionKey, CancellationToken.None);
        app.Time.Offset = TimeSpan.FromDays(2);

        using var response = await app.SendAsStaffAsync(Admin, HttpMethod.Post, "/api/manage/matching/run");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.GetProperty("people").GetInt32() >= 1);
        var rebuilt = await store.FindAsync(record.PartitionKey, CancellationToken.None);
        Assert.NotNull(rebuilt);
        Assert.Contains(rebuilt.Matches(), m => m.CandidateId == lasting);
        Assert.DoesNotContain(rebuilt.Matches(), m => m.CandidateId == closing);
    }

    [Fact]
    public async Task FullPass_RunTwice_WritesNothingTheSecondTime()
    {
        await using var app = await _world.StartAsync(storage);
        await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false);
        var before = await WaitForRecordAsync(app, id, r => r.Matches().Count > 0, "a match");

        using (await app.SendAsStaffAsync(Admin, HttpMethod.Post, "/api/manage/matching/run"))
        {
        }

        var after = await app.Services.GetRequiredService<MatchStore>().FindAsync(before.PartitionKey, CancellationToken.None);
        Assert.Equal(before.ETag, after!.ETag);
    }
}
