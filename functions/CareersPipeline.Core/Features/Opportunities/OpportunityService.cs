using Azure;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// Employers' actions on opportunities. Every action checks that the caller may act for the opportunity's
/// employer, applies the lifecycle, writes with the ETag it read, and tells the site when the public view changes.
/// </summary>
public sealed partial class OpportunityService(
    OpportunityStore store,
    ReferenceDataStore referenceData,
    PostcodeLookup postcodes,
    OpportunityChanges opportunityChanges,
    TimeProvider time,
    ILogger<OpportunityService> logger)
{
    public async Task<Result<Opportunity>> CreateAsync(StaffPrincipal staff, OpportunityInput input, CancellationToken cancellationToken)
    {
        var (employer, refusal) = await EmployerForAsync(staff, input.EmployerCode, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (draft, errors) = OpportunityValidator.Validate(input, employer!.Name, Today());
        if (draft is null)
        {
            return new Result<Opportunity>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var opportunity = draft with
        {
            Id = OpportunityIds.NewLocal(),
            Locations = await LocateAsync(draft.Locations, cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.TryAddAsync(opportunity, cancellationToken);
        LogChanged(logger, opportunity.Id, "created", staff.SubjectId);
        return new Result<Opportunity>.Ok(opportunity);
    }

    public async Task<Result<Opportunity>> GetAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken) =>
        (await FindAsync(staff, id, cancellationToken)).Map(v => v.Value);

    /// <summary>The opportunity with its version: the ETag an edit must carry back (If-Match, or a form's hidden field).</summary>
    public async Task<Result<Versioned<Opportunity>>> FindAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        return current is null || !staff.CanActFor(current.Value.EmployerCode)
            ? new Result<Versioned<Opportunity>>.NotFound(OpportunityMessages.NotFound)
            : new Result<Versioned<Opportunity>>.Ok(current);
    }

    public async Task<IReadOnlyList<Opportunity>> ListAsync(StaffPrincipal staff, string? employerCode, CancellationToken cancellationToken)
    {
        // Storage returns only the employer's own rows (an employer has tens among thousands); admins act for everyone.
        var admin = staff.Roles.Contains(StaffRole.Admin);
        if (!admin && (!staff.Roles.Contains(StaffRole.Employer) || staff.EmployerCodes.Count == 0))
        {
            return [];
        }

        var column = nameof(OpportunityEntity.EmployerCode);
        var filter = TableFilters.And(
            employerCode is null ? null : TableFilters.Equal(column, employerCode.ToUpperInvariant()),
            admin ? null : TableFilters.AnyOf(column, staff.EmployerCodes));
        return (await store.QueryAsync(filter, cancellationToken))
            .Select(v => v.Value)
            .Where(o => staff.CanActFor(o.EmployerCode))
            .OrderByDescending(o => o.UpdatedAt)
            .ToList();
    }

    /// <summary>
    /// Replaces the content. <paramref name="expected"/> is the version the caller read: when it is given and someone has
    /// saved since, nothing is written and the answer is <see cref="Result{T}.Stale"/>.
    /// </summary>
    public async Task<Result<Versioned<Opportunity>>> UpdateAsync(StaffPrincipal staff, string id, OpportunityInput input, ETag? expected, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null || !staff.CanActFor(current.Value.EmployerCode))
        {
            return new Result<Versioned<Opportunity>>.NotFound(OpportunityMessages.NotFound);
        }

        if (IsStale(current, expected))
        {
            return new Result<Versioned<Opportunity>>.Stale(OpportunityMessages.Stale);
        }

        if (!OpportunityLifecycle.CanEdit(current.Value.Status))
        {
            return new Result<Versioned<Opportunity>>.Conflict($"An opportunity that is {current.Value.Status} can no longer be edited.");
        }

        // The employer and kind are fixed at creation: moving a vacancy between employers is a new vacancy.
        input = input with { EmployerCode = current.Value.EmployerCode, Kind = current.Value.Kind.ToString() };
        var (draft, errors) = OpportunityValidator.Validate(input, current.Value.EmployerName, Today());
        if (draft is null)
        {
            return new Result<Versioned<Opportunity>>.Invalid(errors);
        }

        var updated = draft with
        {
            Id = current.Value.Id,
            Status = current.Value.Status,
            Locations = await LocateAsync(draft.Locations, cancellationToken),
            History = current.Value.History,
            CreatedAt = current.Value.CreatedAt,
            UpdatedAt = time.GetUtcNow(),
        };
        return await SaveAsync(staff, current, updated, "updated", expected, cancellationToken);
    }

    public Task<Result<Versioned<Opportunity>>> PublishAsync(StaffPrincipal staff, string id, ETag? expected, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, expected, "published", o => OpportunityLifecycle.Publish(o, Today(), staff.SubjectId, time.GetUtcNow()), cancellationToken);

    public Task<Result<Versioned<Opportunity>>> CloseAsync(StaffPrincipal staff, string id, ClosureReason reason, string? note, ETag? expected, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, expected, "closed", o => OpportunityLifecycle.Close(o, reason, note, staff.SubjectId, time.GetUtcNow()), cancellationToken);

    public Task<Result<Versioned<Opportunity>>> ArchiveAsync(StaffPrincipal staff, string id, ETag? expected, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, expected, "archived", o => OpportunityLifecycle.Archive(o, staff.SubjectId, time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// A new draft with the content of one of the caller's opportunities, whatever its status: employers re-advertise
    /// the same role each intake. Its own history starts now; a levy-funded place is paid for by one application, so it is
    /// not copied, and neither is a national vacancy (the DfE service owns it).
    /// </summary>
    public async Task<Result<Opportunity>> CopyAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null || !staff.CanActFor(current.Value.EmployerCode))
        {
            return new Result<Opportunity>.NotFound(OpportunityMessages.NotFound);
        }

        var source = current.Value;
        if (source.Kind == OpportunityKind.LevyFundedPlace || source.Source != OpportunitySource.Local)
        {
            return new Result<Opportunity>.Conflict("Only vacancies and apprenticeships published here can be copied.");
        }

        var now = time.GetUtcNow();
        var copy = source with
        {
            Id = OpportunityIds.NewLocal(),
            Status = OpportunityStatus.Draft,
            ClosureReason = null,
            ClosureNote = null,
            History = [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.TryAddAsync(copy, cancellationToken);
        LogCopied(logger, copy.Id, source.Id, staff.SubjectId);
        return new Result<Opportunity>.Ok(copy);
    }

    private async Task<Result<Versioned<Opportunity>>> TransitionAsync(StaffPrincipal staff, string id, ETag? expected, string change, Func<Opportunity, TransitionResult> transition, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null || !staff.CanActFor(current.Value.EmployerCode))
        {
            return new Result<Versioned<Opportunity>>.NotFound(OpportunityMessages.NotFound);
        }

        if (IsStale(current, expected))
        {
            return new Result<Versioned<Opportunity>>.Stale(OpportunityMessages.Stale);
        }

        var result = transition(current.Value);
        return result.Opportunity is null
            ? new Result<Versioned<Opportunity>>.Conflict(result.Error!)
            : await SaveAsync(staff, current, result.Opportunity, change, expected, cancellationToken);
    }

    private static bool IsStale(Versioned<Opportunity> current, ETag? expected) => expected is { } etag && etag != current.ETag;

    /// <summary>Writes with the ETag that was read. A save that loses a race is stale when the caller named a version, otherwise a plain conflict (they asked for no precondition).</summary>
    private async Task<Result<Versioned<Opportunity>>> SaveAsync(StaffPrincipal staff, Versioned<Opportunity> current, Opportunity updated, string change, ETag? expected, CancellationToken cancellationToken)
    {
        if (await store.ReplaceAsync(updated, current.ETag, cancellationToken) is not { } etag)
        {
            return expected is null
                ? new Result<Versioned<Opportunity>>.Conflict("Someone else changed this opportunity at the same time. Reload it and try again.")
                : new Result<Versioned<Opportunity>>.Stale(OpportunityMessages.Stale);
        }

        if (OpportunityChanges.IsPublic(current.Value.Status, updated.Status))
        {
            await opportunityChanges.ChangedAsync(updated, change, cancellationToken);
        }

        LogChanged(logger, updated.Id, change, staff.SubjectId);
        return new Result<Versioned<Opportunity>>.Ok(new Versioned<Opportunity>(updated, etag));
    }

    private async Task<(ReferenceItem? Employer, Result<Opportunity>? Refusal)> EmployerForAsync(StaffPrincipal staff, string? employerCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(employerCode))
        {
            return (null, new Result<Opportunity>.Invalid(new Dictionary<string, string[]> { ["employerCode"] = ["Say which employer this is for."] }));
        }

        if (!staff.CanActFor(employerCode))
        {
            return (null, new Result<Opportunity>.Forbidden($"You cannot publish for employer '{employerCode}'."));
        }

        var employer = await referenceData.FindAsync(ReferenceKind.Employer, employerCode, cancellationToken);
        return employer is null
            ? (null, new Result<Opportunity>.Invalid(new Dictionary<string, string[]> { ["employerCode"] = [$"There is no employer with the code '{employerCode}'."] }))
            : (employer, null);
    }

    /// <summary>Geocodes each workplace; a failed lookup leaves the location without coordinates rather than refusing the change.</summary>
    private async Task<IReadOnlyList<OpportunityLocation>> LocateAsync(IReadOnlyList<OpportunityLocation> locations, CancellationToken cancellationToken)
    {
        var located = new List<OpportunityLocation>(locations.Count);
        foreach (var location in locations)
        {
            var result = await postcodes.LookupAsync(location.Postcode, cancellationToken);
            located.Add(result.Place is { } place ? location with { Latitude = place.Latitude, Longitude = place.Longitude } : location);
        }

        return located;
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opportunity {OpportunityId} copied from {SourceId} by {StaffId}")]
    private static partial void LogCopied(ILogger logger, string opportunityId, string sourceId, string staffId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opportunity {OpportunityId} {Change} by {StaffId}")]
    private static partial void LogChanged(ILogger logger, string opportunityId, string change, string staffId);
}
