using System.Text.Json;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Runs;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// Imports the area's apprenticeships from the DfE vacancies API into opportunities, upserting by vacancy reference.
/// All or nothing against the API: every page is fetched and mapped first, and only when every page succeeded are
/// changes applied. Then new vacancies are published, changed ones replaced (conditional on the ETag read),
/// unchanged ones skipped, and live ones that left the feed or passed their closing date are closed through the
/// lifecycle. Local opportunities are never read for writing, let alone changed.
/// </summary>
public sealed partial class NationalVacancyImport(
    NationalVacancyFeed feed,
    OpportunityStore store,
    OpportunityChanges opportunityChanges,
    IOptions<NationalVacanciesOptions> options,
    RunRecordStore runs,
    TimeProvider time,
    ILogger<NationalVacancyImport> logger)
{
    public const string By = "system:national-import";

    private static readonly string NationalFilter = TableFilters.Equal(nameof(OpportunityEntity.Source), nameof(OpportunitySource.National));

    /// <param name="startedBy">Who asked, for the run record: the timer, or the admin's subject id.</param>
    public Task<NationalImportOutcome> RunAsync(CancellationToken cancellationToken, string startedBy = RunRecordStore.Timer) =>
        runs.RecordAsync(RunKind.NationalVacancyImport, startedBy, RunUnrecordedAsync, Describe, cancellationToken);

    private static (RunOutcome, IReadOnlyDictionary<string, int>, string?) Describe(NationalImportOutcome outcome) => outcome switch
    {
        NationalImportOutcome.Completed { Summary: var s } => (RunOutcome.Succeeded, new Dictionary<string, int>
        {
            ["fetched"] = s.Fetched,
            ["added"] = s.Added,
            ["updated"] = s.Updated,
            ["closed"] = s.Closed,
            ["unchanged"] = s.Unchanged,
            ["skipped"] = s.Skipped,
        }, null),
        NationalImportOutcome.NotConfigured => (RunOutcome.NotConfigured, new Dictionary<string, int>(), "No DfE subscription key (DFE_VACANCIES_API_KEY): nothing imported."),
        NationalImportOutcome.Failed failed => (RunOutcome.Failed, new Dictionary<string, int>(), $"The DfE vacancies API failed: {failed.Reason}. Nothing was changed."),
        _ => (RunOutcome.Failed, new Dictionary<string, int>(), null),
    };

    private async Task<NationalImportOutcome> RunUnrecordedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            LogNotConfigured(logger);
            return new NationalImportOutcome.NotConfigured();
        }

        var read = await feed.ReadAsync(cancellationToken);
        if (read is FeedRead.Failed failed)
        {
            LogAborted(logger, failed.Exception, failed.Page, failed.Reason);
            return new NationalImportOutcome.Failed(failed.Reason, failed.Unauthorized);
        }

        var fetched = (FeedRead.Fetched)read;
        if (!fetched.Complete)
        {
            LogIncomplete(logger, fetched.Pages);
        }

        var summary = await ApplyAsync(fetched, cancellationToken);
        LogCompleted(logger, fetched.Pages, summary.Fetched, summary.Added, summary.Updated, summary.Closed, summary.Unchanged, summary.Skipped);
        return new NationalImportOutcome.Completed(summary);
    }

    private async Task<NationalImportSummary> ApplyAsync(FeedRead.Fetched fetched, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var tally = new Tally();

        // Everything the API listed, by opportunity id; a vacancy that cannot be mapped still counts as listed.
        var listed = new Dictionary<string, Opportunity?>(StringComparer.Ordinal);
        foreach (var vacancy in fetched.Vacancies)
        {
            if (NationalVacancyMapper.IdOf(vacancy) is { } id)
            {
                listed[id] = NationalVacancyMapper.Map(vacancy);
            }
        }

        var existing = (await store.QueryAsync(NationalFilter, cancellationToken))
            .Where(v => v.Value.Source == OpportunitySource.National)
            .ToDictionary(v => v.Value.Id, StringComparer.Ordinal);

        foreach (var (id, incoming) in listed)
        {
            if (incoming is null)
            {
                LogUnmappable(logger, id);
                tally.Skipped++;
                continue;
            }

            if (!existing.TryGetValue(id, out var current))
            {
                await AddAsync(incoming, today, now, tally, cancellationToken);
            }
            else if (current.Value.Status != OpportunityStatus.Live)
            {
                // Closed and archived records are what was advertised; the lifecycle never reopens them.
                tally.Unchanged++;
            }
            else if (incoming.ClosingDate < today)
            {
                await CloseAsync(current, ClosureReason.ClosingDate, now, tally, cancellationToken);
            }
            else if (SameContent(current.Value, incoming))
            {
                tally.Unchanged++;
            }
            else
            {
                await UpdateAsync(current, incoming, now, tally, cancellationToken);
            }
        }

        foreach (var current in existing.Values.Where(v => v.Value.Status == OpportunityStatus.Live && !listed.ContainsKey(v.Value.Id)))
        {
            if (current.Value.ClosingDate < today)
            {
                await CloseAsync(current, ClosureReason.ClosingDate, now, tally, cancellationToken);
            }
            else if (fetched.Complete)
            {
                await CloseAsync(current, ClosureReason.NoLongerAdvertised, now, tally, cancellationToken);
            }
        }

        return new NationalImportSummary(listed.Count, tally.Added, tally.Updated, tally.Closed, tally.Unchanged, tally.Skipped);
    }

    private async Task AddAsync(Opportunity incoming, DateOnly today, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        // Publishing refuses a vacancy whose closing date has passed: nothing to advertise.
        var published = OpportunityLifecycle.Publish(incoming with { CreatedAt = now, UpdatedAt = now }, today, By, now).Opportunity;
        if (published is null)
        {
            tally.Skipped++;
            return;
        }

        if (!await store.TryAddAsync(published, cancellationToken))
        {
            // A concurrent run added it first; the next run compares it as usual.
            LogConflict(logger, published.Id);
            tally.Skipped++;
            return;
        }

        await opportunityChanges.ChangedAsync(published, "published", cancellationToken);
        LogChanged(logger, published.Id, "published");
        tally.Added++;
    }

    private async Task UpdateAsync(Versioned<Opportunity> current, Opportunity incoming, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var updated = incoming with
        {
            Status = current.Value.Status,
            History = current.Value.History,
            CreatedAt = current.Value.CreatedAt,
            UpdatedAt = now,
        };
        await SaveAsync(current, updated, "updated", tally, cancellationToken);
    }

    private async Task CloseAsync(Versioned<Opportunity> current, ClosureReason reason, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var closed = OpportunityLifecycle.Close(current.Value, reason, null, By, now).Opportunity;
        if (closed is null)
        {
            tally.Skipped++;
            return;
        }

        await SaveAsync(current, closed, "closed", tally, cancellationToken);
    }

    private async Task SaveAsync(Versioned<Opportunity> current, Opportunity updated, string change, Tally tally, CancellationToken cancellationToken)
    {
        if (!await store.TryReplaceAsync(updated, current.ETag, cancellationToken))
        {
            // Someone changed it since it was read (the closing timer, an admin); the next run sees their version.
            LogConflict(logger, updated.Id);
            tally.Skipped++;
            return;
        }

        if (OpportunityChanges.IsPublic(current.Value.Status, updated.Status))
        {
            await opportunityChanges.ChangedAsync(updated, change, cancellationToken);
        }

        LogChanged(logger, updated.Id, change);
        if (change == "closed")
        {
            tally.Closed++;
        }
        else
        {
            tally.Updated++;
        }
    }

    /// <summary>Whether the vacancy as advertised differs from the stored one, ignoring the record's own bookkeeping.</summary>
    private static bool SameContent(Opportunity stored, Opportunity incoming) =>
        ContentOf(stored) == ContentOf(incoming);

    private static string ContentOf(Opportunity opportunity) =>
        JsonSerializer.Serialize(
            opportunity with
            {
                Status = OpportunityStatus.Live,
                History = [],
                ClosureReason = null,
                ClosureNote = null,
                CreatedAt = default,
                UpdatedAt = default,
            },
            JsonDefaults.Options);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "National vacancies import is not configured (DFE_VACANCIES_API_KEY is empty): nothing imported")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "National vacancies import aborted at page {Page}: {Reason}. Nothing was changed")]
    private static partial void LogAborted(ILogger logger, Exception? exception, int page, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "National vacancies feed changed while its {Pages} pages were read: vacancies missing from it are not closed this run")]
    private static partial void LogIncomplete(ILogger logger, int pages);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "National vacancies import read {Pages} pages, {Fetched} vacancies: {Added} added, {Updated} updated, {Closed} closed, {Unchanged} unchanged, {Skipped} skipped")]
    private static partial void LogCompleted(ILogger logger, int pages, int fetched, int added, int updated, int closed, int unchanged, int skipped);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "National vacancy {OpportunityId} lacks a title or closing date and was skipped")]
    private static partial void LogUnmappable(ILogger logger, string opportunityId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "National vacancy {OpportunityId} changed concurrently; left for the next run")]
    private static partial void LogConflict(ILogger logger, string opportunityId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "National vacancy {OpportunityId} {Change} by the import")]
    private static partial void LogChanged(ILogger logger, string opportunityId, string change);

    private sealed class Tally
    {
        public int Added { get; set; }

        public int Updated { get; set; }

        public int Closed { get; set; }

        public int Unchanged { get; set; }

        public int Skipped { get; set; }
    }
}

/// <summary>What an import run did: vacancies fetched (distinct references) and what became of them.</summary>
public sealed record NationalImportSummary(int Fetched, int Added, int Updated, int Closed, int Unchanged, int Skipped);

public abstract record NationalImportOutcome
{
    private NationalImportOutcome()
    {
    }

    public sealed record Completed(NationalImportSummary Summary) : NationalImportOutcome;

    /// <summary>No subscription key is set: nothing was requested or changed.</summary>
    public sealed record NotConfigured : NationalImportOutcome;

    /// <summary>The API failed (after retries) or refused the key: nothing was changed.</summary>
    public sealed record Failed(string Reason, bool Unauthorized) : NationalImportOutcome;
}
