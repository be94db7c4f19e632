namespace CareersPipeline.Core.People;

/// <summary>
/// Hears every change to a person's journey events, so a summary kept elsewhere (the figures) stays in step without
/// the kernel naming the feature that keeps it. Registered with <c>services.AddSingleton&lt;IJourneyEventObserver, ...&gt;()</c>.
/// Observers are told after the change is stored; one that fails leaves its summary behind until it rebuilds from the
/// events (the events are the record, the summary is derived).
/// </summary>
public interface IJourneyEventObserver
{
    /// <summary>One person's events before and after a change (an event recorded or forgotten, a sign-up merged in).</summary>
    Task ChangedAsync(IReadOnlyList<JourneyEvent> before, IReadOnlyList<JourneyEvent> after, CancellationToken cancellationToken);

    /// <summary>A person's events, about to be deleted by erasure: what may be kept of them is counts only.</summary>
    Task ErasingAsync(IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken);
}
