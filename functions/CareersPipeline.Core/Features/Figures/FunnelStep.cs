namespace CareersPipeline.Core.Features.Figures;

/// <summary>One step of a funnel: how many reached it, and what fraction of the step before that is (none for the first step).</summary>
public sealed record FunnelStep(string Step, long People, double? FromPrevious);
