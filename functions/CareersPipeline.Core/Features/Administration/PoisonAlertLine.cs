namespace CareersPipeline.Core.Features.Administration;

/// <summary>One queue in the alert: its name and how many of its messages wait in its poison queue.</summary>
public sealed record PoisonAlertLine(string Queue, int Count);
