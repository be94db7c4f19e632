namespace CareersPipeline.Core.People;

/// <summary>Who acted.</summary>
public enum AuditActor
{
    Staff,
    DataSubject,
    Guardian,
    RetentionPolicy,
}
