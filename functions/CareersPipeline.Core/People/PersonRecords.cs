
namespace CareersPipeline.Core.People;

/// <summary>
/// One person as the stores know them: every sign-up sharing a PersonKey (one per door), so subject access and
/// erasure cover all of them. <see cref="Emails"/> are the person's own addresses (lower case), never a guardian's, and
/// only verified ones: an address someone typed into a sign-up proves nothing, so nothing is found or erased by it.
/// </summary>
public sealed record PersonRecords(string PersonKey, IReadOnlyList<ApplicantEntity> Applicants)
{
    public IReadOnlyList<string> ApplicantIds { get; } = [.. Applicants.Select(a => a.PartitionKey)];

    public IReadOnlySet<string> Emails { get; } = Applicants.Where(a => a.EmailVerifiedAt is not null).Select(a => a.Email.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
