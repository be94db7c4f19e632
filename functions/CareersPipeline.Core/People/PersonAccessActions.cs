namespace CareersPipeline.Core.People;

/// <summary>Action names for the audit trail; features may add their own (a short verb phrase).</summary>
public static class PersonAccessActions
{
    public const string Export = "ExportedData";
    public const string Erase = "Erased";
    public const string ReadAudit = "ReadAuditTrail";
    public const string ReadConsents = "ReadConsents";
    public const string ChangeConsent = "ChangedConsent";
}
