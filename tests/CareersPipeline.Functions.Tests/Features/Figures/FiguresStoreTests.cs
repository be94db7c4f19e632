using Azure.Data.Tables;
using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Figures;

/// <summary>
/// The figures on real storage: events recorded through the kernel's JourneyEvents keep the live figures in step; a
/// merge and an erasure move and keep counts; the nightly rebuild from the events gives the same figures.
/// </summary>
[Collection(FiguresStorageGroup.Name)]
public sealed class FiguresStoreTests(AzuriteFixture storage)
{
    private static readonly DateOnly From = new(2026, 11, 2);
    private static readonly DateOnly To = new(2026, 12, 13);

    [Fact]
    public async Task Rebuild_GivesTheSameFiguresAsTheIncrementalPath_ThroughAMergeAndAnErasure()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.WaitForStorageAsync();
        var journey = app.Services.GetRequiredService<JourneyEvents>();
        var store = app.Services.GetRequiredService<FiguresStore>();
        var people = Dataset();

        // Recorded the way the queues do: a person's events in any order, people interleaved.
        foreach (var e in people.SelectMany((events, p) => events.Reverse().Select((e, i) => (e, i, p))).OrderBy(x => x.i).ThenBy(x => x.p).Select(x => x.e))
        {
            await journey.RecordAsync(e, [], CancellationToken.None);
        }

        // A second sign-up of the first person, verified into them; then the third person erased.
        await journey.RecordAsync(new JourneyEvent("figures-signup-x", JourneyStage.SignedUp, Day(5), "figures-signup-x", "Event", "CareerChangerOrUnemployed"), [], CancellationToken.None);
        await journey.MoveAsync("figures-signup-x", people[0][0].PersonKey, CancellationToken.None);
        var erasedKey = people[2][0].PersonKey;
        Assert.Equal(people[2].Count, await journey.DeleteAsync(erasedKey, CancellationToken.None));

        var incremental = await store.ReadAllAsync(FiguresStore.Live, CancellationToken.None);
        var service = app.Services.GetRequiredService<FiguresService>();
        var before = await service.DashboardAsync(new FiguresPeriod(From, To), CancellationToken.None);

        // Other tests' people share this storage: at least ours, less the erased one (no events left) and the merged sign-up.
        Assert.True(await app.Services.GetRequiredService<FiguresRebuild>().RunAsync(CancellationToken.None) >= people.Count - 1);
        var rebuilt = await store.ReadAllAsync(FiguresStore.Live, CancellationToken.None);
        var after = await service.DashboardAsync(new FiguresPeriod(From, To), CancellationToken.None);

        Assert.Equal(Sorted(incremental), Sorted(rebuilt));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));

        // Sign-ups: the 22 people, plus the merged second sign-up; the erased person still counted.
        var ours = (FigureKey k) => k.Week < new DateOnly(2026, 11, 30);
        Assert.Equal(23, rebuilt.Sum(k => ours(k) && k.Measure == FigureKey.SignUps));
        Assert.Equal(22, rebuilt.Sum(k => ours(k) && k.Measure == FigureKey.People && k.Cell.StartsWith("SignedUp|", StringComparison.Ordinal)));

        // Nothing in the figures names a person.
        var rows = await storage.Tables.GetTableClient(StorageNames.Tables.Figures).QueryAsync<TableEntity>().ToListAsync();
        var text = string.Join('\n', rows.SelectMany(r => r.Select(p => $"{r.PartitionKey} {r.RowKey} {p.Value}")));
        Assert.DoesNotContain("figures-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignUp_IsCountedUnverified_ThenVerified()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.WaitForStorageAsync();
        var store = app.Services.GetRequiredService<FiguresStore>();
        var before = await store.ReadAllAsync(FiguresStore.Live, CancellationToken.None);

        var id = await app.SignUpAsync(processed: true);
        await app.WaitForEmailAsync(id, Core.Email.EmailKind.Confirmation); // queued once the sign-up is on record
        var applicant = (await app.FindApplicantAsync(id))!;
        var week = FigureKey.WeekOf(applicant.CreatedAt);
        var unverified = new FigureKey(week, FigureKey.SignUps, "Website", $"{applicant.Route}|unverified");
        var verified = unverified with { Cell = $"{applicant.Route}|verified" };
        var counted = await store.ReadAllAsync(FiguresStore.Live, CancellationToken.None);
        Assert.Equal(1, counted.Counts.GetValueOrDefault(unverified) - before.Counts.GetValueOrDefault(unverified));

        await app.VerifyEmailAsync(id);

        var now = await store.ReadAllAsync(FiguresStore.Live, CancellationToken.None);
        Assert.Equal(before.Counts.GetValueOrDefault(unverified), now.Counts.GetValueOrDefault(unverified));
        Assert.Equal(1, now.Counts.GetValueOrDefault(verified) - before.Counts.GetValueOrDefault(verified));
        var personKey = (await app.FindApplicantAsync(id))!.PersonKey;
        Assert.Contains(await app.Services.GetRequiredService<JourneyEvents>().ListAsync(personKey, CancellationToken.None), e => e.Stage == JourneyStage.Verified);
    }

    private static List<string> Sorted(FigureTally tally) => [.. tally.Counts.Select(c => $"{c.Key} = {c.Value}").Order(StringComparer.Ordinal)];

    private static DateTimeOffset Day(int november) => new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero).AddDays(november - 1);

    /// <summary>The Core tests' hand-computed dataset, in short: 12 website, 7 school and 3 event sign-ups moving along the funnel.</summary>
    private static List<IReadOnlyList<JourneyEvent>> Dataset()
    {
        var people = new List<IReadOnlyList<JourneyEvent>>();
        for (var i = 0; i < 22; i++)
        {
            var (door, route, start) = i < 12 ? ("Website", "CareerChangerOrUnemployed", 2) : i < 19 ? ("School", "InEducation", 9) : ("Event", "SeldomHeardSupported", 4);
            var key = $"figures-person-{i}";
            var events = new List<JourneyEvent> { new(key, JourneyStage.SignedUp, Day(start), $"figures-ref-{i}", door, route) };
            if (i % 4 != 3 && i < 19)
            {
                events.Add(new(key, JourneyStage.Verified, Day(start).AddHours(1), $"figures-ref-{i}", door, route));
            }

            var steps = i < 12 ? 12 - i : i < 19 ? 6 : 0;
            var stages = new[] { JourneyStage.Matched, JourneyStage.Applied, JourneyStage.Interviewed, JourneyStage.Offered, JourneyStage.InWork };
            for (var s = 0; s < Math.Min(stages.Length, steps / 2); s++)
            {
                events.Add(new(key, stages[s], Day(start + 1 + (s * (3 + (i % 3)))), $"figures-app-{i}", door, route));
            }

            people.Add(events);
        }

        return people;
    }
}
