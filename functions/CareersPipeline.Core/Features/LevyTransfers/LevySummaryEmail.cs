namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>What the weekly summary shows a pledge's contact: each application waiting for their decision.</summary>
public sealed record LevySummaryEmail(string ContactName, string Intro, IReadOnlyList<LevySummaryRow> Rows, string Rules);

/// <summary>One waiting application in the weekly summary.</summary>
public sealed record LevySummaryRow(string EmployerName, string Standard, string ApplicationUrl, int Apprentices, string Cost, int MatchPercentage, int DaysWaiting);
