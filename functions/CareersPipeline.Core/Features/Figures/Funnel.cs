namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// A funnel's arithmetic: people at each step and the conversion from the step before, as a fraction of it (raw counts:
/// used for the working; what is shown goes through <see cref="DisclosureControl"/> first).
/// </summary>
public static class Funnel
{
    public static IReadOnlyList<FunnelStep> Steps(IReadOnlyList<(string Step, long People)> counts) =>
        [.. counts.Select((c, i) => new FunnelStep(c.Step, c.People, i == 0 || counts[i - 1].People == 0 ? null : (double)c.People / counts[i - 1].People))];
}
