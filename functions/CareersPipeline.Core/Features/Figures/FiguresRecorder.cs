using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// The incremental path: every change to a person's journey events adds its difference to the live figures straight
/// away; erasure adds the person's counts to the erased set, so the next rebuild keeps them though the events are gone.
/// Two changes to the same person at the same moment can each miss the other's event; the nightly rebuild puts that right.
/// </summary>
public sealed class FiguresRecorder(FiguresStore store) : IJourneyEventObserver
{
    public Task ChangedAsync(IReadOnlyList<JourneyEvent> before, IReadOnlyList<JourneyEvent> after, CancellationToken cancellationToken) =>
        store.AddAsync(FiguresStore.Live, FigureFacts.Change(before, after), cancellationToken);

    // The live figures already hold the person's counts, and they have no person key in them: nothing to take out.
    public Task ErasingAsync(IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken) =>
        store.AddAsync(FiguresStore.Erased, FigureFacts.Of(events), cancellationToken);
}
