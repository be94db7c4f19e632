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

    public async Task<Result<Opportunity>> GetAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        return current is null || !staff.CanActFor(current.Value.EmployerCode)
            ? new Result<Opportunity>.NotFound(OpportunityMessages.NotFound)
            : new Result<Opportunity>.Ok(current.Value);
    }

    public async Task<IReadOnlyList<Opportunity>> ListAsync(StaffPrincipal staff, string? employerCode, CancellationToken cancellationToken)
    {
        var filter = employerCode is null ? null : TableFilters.Equal(nameof(OpportunityEntity.EmployerCode), employerCode.ToUpperInvariant());
        return (await store.QueryAsync(filter, cancellationToken))
            .Select(v => v.Value)
            .Where(o => staff.CanActFor(o.EmployerCode))
            .OrderByDescending(o => o.UpdatedAt)
            .ToList();
    }

    public async Task<Result<Opportunity>> UpdateAsync(StaffPrincipal staff, string id, OpportunityInput input, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null || !staff.CanActFor(current.Value.EmployerCode))
        {
            return new Result<Opportunity>.NotFound(OpportunityMessages.NotFound);
        }

        if (!OpportunityLifecycle.CanEdit(current.Value.Status))
        {
            return new Result<Opportunity>.Conflict($"An opportunity that is {current.Value.Status} can no longer be edited.");
        }

        // The employer and kind are fixed at creation: moving a vacancy between employers is a new vacancy.
        input = input with { EmployerCode = current.Value.EmployerCode, Kind = current.Value.Kind.ToString() };
        var (draft, errors) = OpportunityValidator.Validate(input, current.Value.EmployerName, Today());
        if (draft is null)
        {
            return new Result<Opportunity>.Invalid(errors);
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
        return await SaveAsync(staff, current, updated, "updated", cancellationToken);
    }

    public Task<Result<Opportunity>> PublishAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, "published", o => OpportunityLifecycle.Publish(o, Today(), staff.SubjectId, time.GetUtcNow()), cancellationToken);

    public Task<Result<Opportunity>> CloseAsync(StaffPrincipal staff, string id, ClosureReason reason, string? note, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, "closed", o => OpportunityLifecycle.Close(o, reason, note, staff.SubjectId, time.GetUtcNow()), cancellationToken);

    public Task<Result<Opportunity>> ArchiveAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken) =>
        TransitionAsync(staff, id, "archived", o => OpportunityLifecycle.Archive(o, staff.SubjectId, time.GetUtcNow()), cancellationToken);

    private async Task<Result<Opportunity>> TransitionAsync(StaffPrincipal staff, string id, string change, Func<Opportunity, TransitionResult> transition, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken);
        if (current is null || !staff.CanActFor(current.Value.EmployerCode))
        {
            return new Result<Opportunity>.NotFound(OpportunityMessages.NotFound);
        }

        var result = transition(current.Value);
        return result.Opportunity is null
            ? new Result<Opportunity>.Conflict(result.Error!)
            : await SaveAsync(staff, current, result.Opportunity, change, cancellationToken);
    }

    private async Task<Result<Opportunity>> SaveAsync(StaffPrincipal staff, Versioned<Opportunity> current, Opportunity updated, string change, CancellationToken cancellationToken)
    {
        if (!await store.TryReplaceAsync(updated, current.ETag, cancellationToken))
        {
            return new Result<Opportunity>.Conflict("Someone else changed this opportunity at the same time. Reload it and try again.");
        }

        if (OpportunityChanges.IsPublic(current.Value.Status, updated.Status))
        {
            await opportunityChanges.ChangedAsync(updated, change, cancellationToken);
        }

        LogChanged(logger, updated.Id, change, staff.SubjectId);
        return new Result<Opportunity>.Ok(updated);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Opportunity {OpportunityId} {Change} by {StaffId}")]
    private static partial void LogChanged(ILogger logger, string opportunityId, string change, string staffId);
}
