namespace CareersPipeline.Core.Features.Administration;

/// <summary>To admins: which queues have messages that failed every attempt, how many, and where to see and resend them.</summary>
public sealed record PoisonAlertEmail(string IcsName, IReadOnlyList<PoisonAlertLine> Queues, string PageUrl);
