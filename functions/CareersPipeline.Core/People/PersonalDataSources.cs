using System.Text.Json.Nodes;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.People;

/// <summary>
/// Something that holds personal data about people. Every feature that stores data about a person registers one
/// (<c>services.AddSingleton&lt;IPersonalDataSource, ...&gt;()</c>), and subject access exports and erasure then
/// cover it automatically.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section name in the export (camelCase), for example "consents".</summary>
    string Section { get; }

    /// <summary>Erasure runs sources in this order, lowest first; the sign-ups themselves (the identity) go last.</summary>
    int ErasureOrder { get; }

    /// <summary>What is held about the person, as JSON; null when this source holds nothing to show.</summary>
    Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken);

    /// <summary>Deletes or irreversibly anonymises what is held about these people; returns the number of items removed.</summary>
    Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken);
}

/// <summary>Who an export is for: the person themselves sees everything about them; staff do not see equality answers.</summary>
public enum SubjectAccessAudience
{
    DataSubject,
    Staff,
}

public enum ErasureReason
{
    /// <summary>The person asked, through the link in their email.</summary>
    DataSubjectRequest,

    /// <summary>A member of staff erased the record (for example, on a request by phone or letter).</summary>
    StaffRequest,

    /// <summary>A parent or guardian withdrew their consent for an under-16.</summary>
    GuardianWithdrawal,

    /// <summary>No activity for the retention period.</summary>
    Retention,

    /// <summary>An under-16's parent or guardian did not agree before the consent link expired.</summary>
    GuardianConsentNotGiven,
}

/// <summary>One erasure run. <see cref="Reference"/> is random and names the run in the anonymised audit trail.</summary>
public sealed record ErasureContext(string Reference, ErasureReason Reason, DateTimeOffset At, StaffPrincipal? Staff);
