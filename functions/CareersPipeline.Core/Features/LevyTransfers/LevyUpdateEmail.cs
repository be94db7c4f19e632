namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>What a levy-transfer update shows one party: what happened, why, the application's facts and its link.</summary>
public sealed record LevyUpdateEmail(string ToName, string Headline, string? Reason, IReadOnlyList<LevyEmailFact> Facts, string ApplicationUrl);

/// <summary>One labelled fact of an application, as an update email lists it.</summary>
public sealed record LevyEmailFact(string Label, string Value);
