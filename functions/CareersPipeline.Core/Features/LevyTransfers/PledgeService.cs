using CareersPipeline.Core.Places;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Levy payers' pledges: create, list, read and close for the owner (or an admin); browse the open ones for any
/// employer. A pledge of another employer is "not found", never "forbidden", so its id tells nothing.
/// </summary>
public sealed partial class PledgeService(
    LevyStore store,
    ReferenceDataStore referenceData,
    PostcodeLookup postcodes,
    PledgeClosing closing,
    TimeProvider time,
    ILogger<PledgeService> logger)
{
    public async Task<Result<PledgeView>> CreateAsync(StaffPrincipal staff, PledgeInput input, CancellationToken cancellationToken)
    {
        var code = input.EmployerCode?.Trim().ToUpperInvariant();
        var employerErrors = new ValidationErrors();
        ReferenceItem? employer = null;
        if (string.IsNullOrEmpty(code))
        {
            employerErrors.Add("employerCode", "Say which employer is pledging.");
        }
        else if (!staff.CanActFor(code))
        {
            return new Result<PledgeView>.Forbidden($"You cannot pledge for employer '{code}'.");
        }
        else
        {
            employer = await referenceData.FindAsync(ReferenceKind.Employer, code, cancellationToken);
            if (employer is null)
            {
                employerErrors.Add("employerCode", $"There is no employer with the code '{code}'.");
            }
            else if (!LevyPayers.IsLevyPayer(employer))
            {
                employerErrors.Add("employerCode", $"{employer.Name} does not pay the apprenticeship levy, so it cannot pledge a transfer.");
            }
        }

        var (draft, errors) = PledgeValidator.Validate(input, code ?? string.Empty, employer?.Name ?? string.Empty, staff.SubjectId, Today());
        if (draft is null || !employerErrors.IsEmpty)
        {
            return new Result<PledgeView>.Invalid(employerErrors.ToDictionary().With(errors));
        }

        var now = time.GetUtcNow();
        var pledge = draft with
        {
            Id = LevyIds.NewPledge(),
            Criteria = draft.Criteria with { Locations = await LevyLocations.LocateAsync(postcodes, draft.Criteria.Locations, cancellationToken) },
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.AddPledgeAsync(pledge, cancellationToken);
        LogChanged(logger, pledge.Id, "created", staff.SubjectId);
        return new Result<PledgeView>.Ok(PledgeView.From(pledge));
    }

    /// <summary>The caller's employers' pledges (every pledge, for admins), newest first; naming another employer is forbidden.</summary>
    public async Task<Result<IReadOnlyList<PledgeView>>> ListAsync(StaffPrincipal staff, string? employerCode, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(employerCode) && !staff.CanActFor(employerCode.Trim()))
        {
            return new Result<IReadOnlyList<PledgeView>>.Forbidden($"You cannot see the pledges of employer '{employerCode.Trim()}'.");
        }

        var filter = string.IsNullOrWhiteSpace(employerCode) ? null : TableFilters.Equal("EmployerCode", employerCode.Trim().ToUpperInvariant());
        var pledges = (await store.PledgesAsync(filter, cancellationToken))
            .Select(v => v.Value)
            .Where(p => staff.CanActFor(p.EmployerCode))
            .OrderByDescending(p => p.CreatedAt)
            .Select(PledgeView.From)
            .ToList();
        return new Result<IReadOnlyList<PledgeView>>.Ok(pledges);
    }

    public async Task<Result<PledgeView>> GetAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken) =>
        await store.FindPledgeAsync(id, cancellationToken) is { } found && staff.CanActFor(found.Value.EmployerCode)
            ? new Result<PledgeView>.Ok(PledgeView.From(found.Value))
            : new Result<PledgeView>.NotFound(LevyMessages.PledgeNotFound);

    /// <summary>Closes the pledge to new applications and rejects those still pending; approved and accepted ones keep their funds.</summary>
    public async Task<Result<PledgeView>> CloseAsync(StaffPrincipal staff, string id, string? note, CancellationToken cancellationToken)
    {
        if (note?.Trim().Length > LevyRules.MaximumReasonLength)
        {
            return new Result<PledgeView>.Invalid(new Dictionary<string, string[]> { ["reason"] = [$"This must be {LevyRules.MaximumReasonLength} characters or fewer."] });
        }

        var found = await store.FindPledgeAsync(id, cancellationToken);
        if (found is null || !staff.CanActFor(found.Value.EmployerCode))
        {
            return new Result<PledgeView>.NotFound(LevyMessages.PledgeNotFound);
        }

        var result = await closing.CloseAsync(found, PledgeClosureReason.Manual, staff.SubjectId, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken);
        return result.Map(PledgeView.From);
    }

    /// <summary>Every pledge open for applications today, closing soonest first, as applicants may see them.</summary>
    public async Task<IReadOnlyList<OpenPledgeView>> BrowseAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        return (await store.OpenPledgesAsync(cancellationToken))
            .Select(v => v.Value)
            .Where(p => p.IsOpenOn(today))
            .OrderBy(p => p.ClosesOn)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(OpenPledgeView.From)
            .ToList();
    }

    public async Task<Result<OpenPledgeView>> GetOpenAsync(string id, CancellationToken cancellationToken) =>
        await store.FindPledgeAsync(id, cancellationToken) is { } found && found.Value.IsOpenOn(Today())
            ? new Result<OpenPledgeView>.Ok(OpenPledgeView.From(found.Value))
            : new Result<OpenPledgeView>.NotFound("There is no open pledge with that id.");

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} {Change} by {StaffId}")]
    private static partial void LogChanged(ILogger logger, string pledgeId, string change, string staffId);
}
