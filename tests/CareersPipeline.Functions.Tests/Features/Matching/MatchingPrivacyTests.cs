using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>What matching holds about a person is in their subject access export and goes with them on erasure.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MatchingPrivacyTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Export_HasTheMatchesPreferencesSavesAndCaseload_AndErasureRemovesThemAll()
    {
        await using var app = await _world.StartAsync(storage);
        var opportunity = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "the match");
        using (await app.Http.PostAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", $"/api/matches/saved/{opportunity}?", StringComparison.Ordinal), JsonContent.Create(new { })))
        using (await app.PostJsonAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", "/api/matches/preferences?", StringComparison.Ordinal), new { drivingLicence = false }))
        using (await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/caseload/{id}"))
        {
        }

        var record = await WaitForRecordAsync(app, id, r => r.DrivingLicence == false && r.SavedIds().Contains(opportunity), "the saved preferences");

        using var export = await app.SendAsStaffAsync(Admin, HttpMethod.Get, $"/api/manage/people/{id}/export");
        var matching = (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("matching");
        Assert.Equal(opportunity, matching.GetProperty("matches")[0].GetProperty("candidateId").GetString());
        Assert.False(matching.GetProperty("drivingLicence").GetBoolean());
        Assert.Equal(opportunity, matching.GetProperty("saved")[0].GetString());
        Assert.Single(matching.GetProperty("onAdviserCaseloadSince").EnumerateArray());

        using (var erased = await app.SendAsStaffAsync(Admin, HttpMethod.Delete, $"/api/manage/people/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        }

        var store = app.Services.GetRequiredService<MatchStore>();
        Assert.Null(await store.FindAsync(record.PartitionKey, CancellationToken.None));
        Assert.Empty(await ToListAsync(store.AreaAsync(record.AreaKey!, CancellationToken.None), a => a.RowKey == record.PartitionKey));
        Assert.Empty(await ToListAsync(store.SavesOfAsync(opportunity, CancellationToken.None), s => s.RowKey == record.PartitionKey));
        using var caseload = await app.SendAsStaffAsync(Adviser, HttpMethod.Get, "/api/adviser/caseload");
        Assert.DoesNotContain((await caseload.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), p => p.GetProperty("applicantId").GetString() == id);
        var left = storage.Tables.GetTableClient(StorageNames.Tables.Caseloads).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey == id);
        Assert.Empty(await ToListAsync(left, _ => true));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items, Func<T, bool> keep)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            if (keep(item))
            {
                list.Add(item);
            }
        }

        return list;
    }
}
