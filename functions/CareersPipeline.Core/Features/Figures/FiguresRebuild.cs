using System.Diagnostics;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// The nightly rebuild: the live figures worked out again from every person's journey events, plus what erased people
/// left behind, replacing whatever the incremental path built (a missed or doubled change is put right here).
/// </summary>
public sealed partial class FiguresRebuild(JourneyEvents journey, FiguresStore store, ILogger<FiguresRebuild> logger)
{
    /// <summary>Returns how many people were read.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var figures = await store.ReadAllAsync(FiguresStore.Erased, cancellationToken);
        var people = 0;
        await foreach (var events in journey.EveryPersonAsync(cancellationToken))
        {
            figures.Add(FigureFacts.Of(events));
            people++;
        }

        await store.ReplaceAsync(FiguresStore.Live, figures, cancellationToken);
        LogRebuilt(logger, people, figures.Counts.Count, clock.ElapsedMilliseconds);
        return people;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Figures rebuilt from {People} people's journey events: {Cells} counts in {Milliseconds} ms")]
    private static partial void LogRebuilt(ILogger logger, int people, int cells, long milliseconds);
}
