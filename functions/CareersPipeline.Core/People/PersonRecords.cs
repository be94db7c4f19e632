
namespace CareersPipeline.Core.People;

/// <summary>
/// One person as the stores know them: every sign-up sharing a PersonKey (one per door), so subject access and
/// erasure cover all of them. <see cref="Emails"/> are the person's own addresses (lower case), never a guardian's.
/// </summary>
public sealed record PersonRecords(string PersonKey, IReadOnlyList<ApplicantEntity> Applicants)
{
    public IReadOnlyList<string> ApplicantIds { get; } = [.. Applicants.Select(a => a.PartitionKey)];

    public IReadOnlySet<string> Emails { get; } = Applicants.Select(a => a.Email.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
