using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Staff;

/// <summary>
/// Where question pages keep their answers between requests (post/redirect/get needs them somewhere, and a form must
/// work without JavaScript). One partition per member of staff, so nobody can open another's form even with its id; the
/// id is random and carries no personal data, so it may be in a URL. A form left alone for <see cref="Lifetime"/> is gone.
/// </summary>
public sealed class StaffFormDrafts(TableServiceClient tables, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.StaffForms);

    public async Task<StaffFormDraft> StartAsync(StaffPrincipal staff, string kind, string? targetId, string? targetVersion, IReadOnlyDictionary<string, string[]> answers, CancellationToken cancellationToken)
    {
        var draft = new StaffFormDraft(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), kind, targetId, targetVersion, answers, time.GetUtcNow());
        await _table.AddEntityAsync(ToEntity(staff, draft), cancellationToken);
        return draft;
    }

    /// <summary>The caller's own form of <paramref name="kind"/>; null when it is someone else's, expired or never existed.</summary>
    public async Task<StaffFormDraft?> FindAsync(StaffPrincipal staff, string kind, string id, CancellationToken cancellationToken)
    {
        if (id.Length != 24 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(staff.SubjectId.ToLowerInvariant(), id, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        var draft = new StaffFormDraft(
            id,
            entity.GetString(nameof(StaffFormDraft.Kind)) ?? string.Empty,
            entity.GetString(nameof(StaffFormDraft.TargetId)),
            entity.GetString(nameof(StaffFormDraft.TargetVersion)),
            JsonSerializer.Deserialize<Dictionary<string, string[]>>(entity.GetString(nameof(StaffFormDraft.Answers)) ?? "{}") ?? [],
            entity.GetDateTimeOffset(nameof(StaffFormDraft.UpdatedAt)) ?? DateTimeOffset.MinValue);
        return draft.Kind == kind && draft.UpdatedAt + Lifetime > time.GetUtcNow() ? draft : null;
    }

    /// <summary>Keeps <paramref name="answers"/> over the earlier ones (one question page's fields replace their old values).</summary>
    public async Task<StaffFormDraft> SaveAnswersAsync(StaffPrincipal staff, StaffFormDraft draft, IReadOnlyDictionary<string, string[]> answers, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, string[]>(draft.Answers, StringComparer.Ordinal);
        foreach (var (field, values) in answers)
        {
            merged[field] = values;
        }

        var updated = draft with { Answers = merged, UpdatedAt = time.GetUtcNow() };
        await _table.UpsertEntityAsync(ToEntity(staff, updated), TableUpdateMode.Replace, cancellationToken);
        return updated;
    }

    public async Task DeleteAsync(StaffPrincipal staff, StaffFormDraft draft, CancellationToken cancellationToken) =>
        await _table.DeleteEntityAsync(staff.SubjectId.ToLowerInvariant(), draft.Id, cancellationToken: cancellationToken);

    private static TableEntity ToEntity(StaffPrincipal staff, StaffFormDraft draft) => new(staff.SubjectId.ToLowerInvariant(), draft.Id)
    {
        [nameof(StaffFormDraft.Kind)] = draft.Kind,
        [nameof(StaffFormDraft.TargetId)] = draft.TargetId,
        [nameof(StaffFormDraft.TargetVersion)] = draft.TargetVersion,
        [nameof(StaffFormDraft.Answers)] = JsonSerializer.Serialize(draft.Answers),
        [nameof(StaffFormDraft.UpdatedAt)] = draft.UpdatedAt,
    };
}
