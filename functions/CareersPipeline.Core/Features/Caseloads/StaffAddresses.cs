using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// The members of staff the daily caseload emails may go to: active, signed in (not a pending invitation), with an
/// address in the directory, by lower-case subject id. Staff with no address get no email; the job counts them.
/// </summary>
public static class StaffAddresses
{
    public static async Task<IReadOnlyDictionary<string, StaffMember>> ReadAsync(StaffDirectory directory, CancellationToken cancellationToken) =>
        (await directory.ListMembersAsync(cancellationToken))
            .Select(m => m.Value)
            .Where(m => m is { Active: true, PendingInvitation: false } && !string.IsNullOrWhiteSpace(m.Email))
            .ToDictionary(m => m.Id.ToLowerInvariant(), StringComparer.Ordinal);
}
