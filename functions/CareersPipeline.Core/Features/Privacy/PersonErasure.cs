using System.Security.Cryptography;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Erasure: deletes or irreversibly anonymises a person's records in every <see cref="IPersonalDataSource"/> (all
/// their sign-ups, consents, equality answers, outbox copies, poison messages, and the audit trail's link to them),
/// keeping only anonymous counts. The run gets a random reference, which the anonymised audit trail and the
/// response carry; logs carry only the reference and counts, never the applicant id, so the two cannot be joined.
/// Every step is idempotent and the sign-ups go last, so an interrupted erasure is finished by asking again.
/// </summary>
public sealed partial class PersonErasure(
    PersonResolver resolver,
    IEnumerable<IPersonalDataSource> sources,
    PersonAccessAudit audit,
    AggregateCounters aggregates,
    TimeProvider time,
    ILogger<PersonErasure> logger)
{
    /// <summary>Erases the person the applicant id belongs to; null when nothing is held.</summary>
    public async Task<ErasureOutcome?> EraseAsync(string applicantId, ErasureReason reason, StaffPrincipal? staff, CancellationToken cancellationToken) =>
        await resolver.ResolveAsync(applicantId, cancellationToken) is { } person
            ? await EraseAsync([person], reason, staff, cancellationToken)
            : null;

    public async Task<ErasureOutcome> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureReason reason, StaffPrincipal? staff, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var context = new ErasureContext("x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)), reason, now, staff);
        var items = 0;
        foreach (var source in sources.OrderBy(s => s.ErasureOrder))
        {
            items += await source.EraseAsync(people, context, cancellationToken);
        }

        await aggregates.IncrementAsync(AggregateCounters.Erasures, $"{now.UtcDateTime:yyyy-MM}|{reason}", people.Count, cancellationToken);
        await audit.RecordErasureAsync(context, people.Count, items, cancellationToken);
        LogErased(logger, context.Reference, people.Count, items, reason);
        return new ErasureOutcome(context.Reference, people.Count, items, now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureReference}: {People} person(s), {Items} item(s) removed ({Reason})")]
    private static partial void LogErased(ILogger logger, string erasureReference, int people, int items, ErasureReason reason);
}

/// <summary>What an erasure did. <paramref name="Reference"/> names it in the audit trail; it is not linked to the person.</summary>
public sealed record ErasureOutcome(string Reference, int People, int Items, DateTimeOffset ErasedAt);
