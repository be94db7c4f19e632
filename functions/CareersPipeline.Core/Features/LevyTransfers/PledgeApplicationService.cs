using Azure;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>What a member of staff may do to an application, and which side may do it.</summary>
public enum ApplicationAction
{
    Approve,
    Reject,
    UndoApproval,
    Accept,
    Decline,
    Withdraw,
    RecordFundsUsed,
}

/// <summary>
/// Applications to pledges. Only the two parties (and admins) see an application; anyone else is told it is not
/// found. The pledge owner approves, rejects or undoes an approval; the applicant accepts, declines, withdraws or
/// records that the funds are in use. A party trying the other side's move is forbidden.
/// </summary>
public sealed partial class PledgeApplicationService(
    LevyStore store,
    ReferenceDataStore referenceData,
    PostcodeLookup postcodes,
    ApplicationTransitions transitions,
    LevyNotifications notifications,
    TimeProvider time,
    ILogger<PledgeApplicationService> logger)
{
    public async Task<Result<ApplicationView>> ApplyAsync(StaffPrincipal staff, string pledgeId, ApplicationInput input, CancellationToken cancellationToken)
    {
        var code = input.EmployerCode?.Trim().ToUpperInvariant();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("employerCode", "Say which employer is applying.");
        }
        else if (!staff.CanActFor(code))
        {
            return new Result<ApplicationView>.Forbidden($"You cannot apply for employer '{code}'.");
        }

        var today = Today();
        var pledge = await store.FindPledgeAsync(pledgeId, cancellationToken);
        if (pledge is null || !pledge.Value.IsOpenOn(today))
        {
            return new Result<ApplicationView>.NotFound("There is no open pledge with that id.");
        }

        ReferenceItem? employer = null;
        if (!string.IsNullOrEmpty(code))
        {
            employer = await referenceData.FindAsync(ReferenceKind.Employer, code, cancellationToken);
            if (employer is null)
            {
                errors.Add("employerCode", $"There is no employer with the code '{code}'.");
            }
            else if (code == pledge.Value.EmployerCode)
            {
                errors.Add("employerCode", "An employer cannot apply to its own pledge.");
            }
        }

        var (valid, fieldErrors) = PledgeApplicationValidator.Validate(input, today);
        var cost = valid is null ? 0 : ApplicationCosts.Total(valid.Standard.MaxFunding, valid.NumberOfApprentices);
        if (valid is not null && cost > pledge.Value.Remaining)
        {
            errors.Add("numberOfApprentices", $"The estimated cost ({LevyMoney.Format(cost)}) is more than this pledge has left ({LevyMoney.Format(pledge.Value.Remaining)}).");
        }

        if (valid is null || !errors.IsEmpty)
        {
            return new Result<ApplicationView>.Invalid(errors.ToDictionary().With(fieldErrors));
        }

        var locations = await LevyLocations.LocateAsync(postcodes, valid.Postcodes, cancellationToken);
        var now = time.GetUtcNow();
        var application = new PledgeApplication
        {
            Id = LevyIds.NewApplication(pledge.Value.Id),
            PledgeId = pledge.Value.Id,
            PledgeEmployerCode = pledge.Value.EmployerCode,
            EmployerCode = employer!.Code.ToUpperInvariant(),
            EmployerName = employer.Name,
            Standard = valid.Standard,
            NumberOfApprentices = valid.NumberOfApprentices,
            StartDate = valid.StartDate,
            Locations = locations,
            Details = valid.Details,
            TrainingProvider = valid.TrainingProvider,
            ContactName = valid.ContactName,
            ContactEmail = valid.ContactEmail,
            Match = PledgeMatching.Match(pledge.Value.Criteria, valid.Standard, locations),
            Cost = cost,
            CostProjection = ApplicationCosts.Projection(cost, valid.Standard.DurationMonths, valid.StartDate),
            StatusChangedAt = now,
            CreatedBy = staff.SubjectId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var stored = await store.AddApplicationAsync(application, cancellationToken);
        await notifications.ChangedAsync(application, cancellationToken);
        LogApplied(logger, application.Id, application.PledgeId, application.Match.Percentage, staff.SubjectId);

        if (pledge.Value.AutoApproval == AutoApproval.Immediate && application.Match.Percentage == 100
            && await transitions.MoveAsync(stored, PledgeApplicationLifecycle.Approve, LevyRules.Systems.AutoApproval, "Approved automatically: a 100% match.", cancellationToken)
                is Result<PledgeApplication>.Ok approved)
        {
            application = approved.Value;
        }

        return new Result<ApplicationView>.Ok(ApplicationView.For(application, pledge.Value, staff));
    }

    public async Task<Result<IReadOnlyList<ApplicationView>>> ListForPledgeAsync(StaffPrincipal staff, string pledgeId, CancellationToken cancellationToken)
    {
        var pledge = await store.FindPledgeAsync(pledgeId, cancellationToken);
        if (pledge is null || !staff.CanActFor(pledge.Value.EmployerCode))
        {
            return new Result<IReadOnlyList<ApplicationView>>.NotFound(LevyMessages.PledgeNotFound);
        }

        var applications = (await store.ApplicationsForPledgeAsync(pledgeId, cancellationToken))
            .Select(v => v.Value)
            .OrderBy(a => a.CreatedAt)
            .Select(a => ApplicationView.For(a, pledge.Value, staff))
            .ToList();
        return new Result<IReadOnlyList<ApplicationView>>.Ok(applications);
    }

    /// <summary>The applications the caller's employers made (every application, for admins); naming another employer is forbidden.</summary>
    public async Task<Result<IReadOnlyList<ApplicationView>>> ListForApplicantAsync(StaffPrincipal staff, string? employerCode, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(employerCode) && !staff.CanActFor(employerCode.Trim()))
        {
            return new Result<IReadOnlyList<ApplicationView>>.Forbidden($"You cannot see the applications of employer '{employerCode.Trim()}'.");
        }

        var filter = string.IsNullOrWhiteSpace(employerCode) ? null : TableFilters.Equal("EmployerCode", employerCode.Trim().ToUpperInvariant());
        var applications = (await store.ApplicationsAsync(filter, cancellationToken))
            .Select(v => v.Value)
            .Where(a => staff.CanActFor(a.EmployerCode))
            .OrderByDescending(a => a.CreatedAt)
            .ToList();
        var views = new List<ApplicationView>(applications.Count);
        var pledges = new Dictionary<string, Pledge?>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            if (!pledges.TryGetValue(application.PledgeId, out var pledge))
            {
                pledges[application.PledgeId] = pledge = (await store.FindPledgeAsync(application.PledgeId, cancellationToken))?.Value;
            }

            if (pledge is not null)
            {
                views.Add(ApplicationView.For(application, pledge, staff));
            }
        }

        return new Result<IReadOnlyList<ApplicationView>>.Ok(views);
    }

    public async Task<Result<ApplicationView>> GetAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var (application, pledge) = await FindVisibleAsync(staff, id, cancellationToken);
        return application is null || pledge is null
            ? new Result<ApplicationView>.NotFound(LevyMessages.ApplicationNotFound)
            : new Result<ApplicationView>.Ok(ApplicationView.For(application.Value, pledge, staff));
    }

    /// <summary>The application with its version (ETag), for a page whose forms must carry it back.</summary>
    public async Task<Result<Versioned<ApplicationView>>> FindAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var (application, pledge) = await FindVisibleAsync(staff, id, cancellationToken);
        return application is null || pledge is null
            ? new Result<Versioned<ApplicationView>>.NotFound(LevyMessages.ApplicationNotFound)
            : new Result<Versioned<ApplicationView>>.Ok(new Versioned<ApplicationView>(ApplicationView.For(application.Value, pledge, staff), application.ETag));
    }

    /// <summary>Pending applications to the pledges of the caller's employers (every pledge, for admins), oldest first: the decisions waiting for them.</summary>
    public async Task<IReadOnlyList<ApplicationView>> AwaitingDecisionAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var pending = (await store.ApplicationsInStatusAsync(ApplicationStatus.Pending, cancellationToken))
            .Select(v => v.Value)
            .Where(a => staff.CanActFor(a.PledgeEmployerCode))
            .OrderBy(a => a.CreatedAt)
            .ToList();
        var views = new List<ApplicationView>(pending.Count);
        var pledges = new Dictionary<string, Pledge?>(StringComparer.Ordinal);
        foreach (var application in pending)
        {
            if (!pledges.TryGetValue(application.PledgeId, out var pledge))
            {
                pledges[application.PledgeId] = pledge = (await store.FindPledgeAsync(application.PledgeId, cancellationToken))?.Value;
            }

            if (pledge is not null)
            {
                views.Add(ApplicationView.For(application, pledge, staff));
            }
        }

        return views;
    }

    /// <summary>
    /// One party's move. <paramref name="expected"/>: the version the person decided on (If-Match, or the page's form); a
    /// different version now is <see cref="Result{T}.Stale"/>, so nobody decides on an application someone else just changed.
    /// A rejection needs its reason: the applicant is told it.
    /// </summary>
    public async Task<Result<ApplicationView>> ActAsync(StaffPrincipal staff, string id, ApplicationAction action, string? reason, ETag? expected, CancellationToken cancellationToken)
    {
        if (reason?.Trim().Length > LevyRules.MaximumReasonLength)
        {
            return new Result<ApplicationView>.Invalid(new Dictionary<string, string[]> { ["reason"] = [$"This must be {LevyRules.MaximumReasonLength} characters or fewer."] });
        }

        var (current, pledge) = await FindVisibleAsync(staff, id, cancellationToken);
        if (current is null || pledge is null)
        {
            return new Result<ApplicationView>.NotFound(LevyMessages.ApplicationNotFound);
        }

        var ownerMove = action is ApplicationAction.Approve or ApplicationAction.Reject or ApplicationAction.UndoApproval;
        if (!staff.CanActFor(ownerMove ? current.Value.PledgeEmployerCode : current.Value.EmployerCode))
        {
            return new Result<ApplicationView>.Forbidden(ownerMove
                ? "Only the pledge owner can approve, reject or undo an approval."
                : "Only the applicant can accept, decline, withdraw or record that the funds are in use.");
        }

        if (action == ApplicationAction.Reject && string.IsNullOrWhiteSpace(reason))
        {
            return new Result<ApplicationView>.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Say why you are rejecting it: the applicant is told."] });
        }

        if (expected is { } version && version != current.ETag)
        {
            return new Result<ApplicationView>.Stale("The application changed since you saw it.");
        }

        Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> transition = action switch
        {
            ApplicationAction.Approve => PledgeApplicationLifecycle.Approve,
            ApplicationAction.Reject => PledgeApplicationLifecycle.Reject,
            ApplicationAction.UndoApproval => PledgeApplicationLifecycle.RevertToPending,
            ApplicationAction.Accept => PledgeApplicationLifecycle.Accept,
            ApplicationAction.Decline => PledgeApplicationLifecycle.Decline,
            ApplicationAction.RecordFundsUsed => PledgeApplicationLifecycle.MarkFundsUsed,
            ApplicationAction.Withdraw => (a, by, now, why) => a.Status == ApplicationStatus.Accepted
                ? PledgeApplicationLifecycle.WithdrawAfterAcceptance(a, by, now, why)
                : PledgeApplicationLifecycle.Withdraw(a, by, now, why),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

        var moved = await transitions.MoveAsync(current, transition, staff.SubjectId, reason, cancellationToken);
        return moved.Map(application => ApplicationView.For(application, pledge, staff));
    }

    /// <summary>The application and its pledge when the caller is one of the two parties (or an admin); nulls otherwise.</summary>
    private async Task<(Versioned<PledgeApplication>? Application, Pledge? Pledge)> FindVisibleAsync(StaffPrincipal staff, string id, CancellationToken cancellationToken)
    {
        var application = await store.FindApplicationAsync(id, cancellationToken);
        if (application is null || !(staff.CanActFor(application.Value.PledgeEmployerCode) || staff.CanActFor(application.Value.EmployerCode)))
        {
            return (null, null);
        }

        return (application, (await store.FindPledgeAsync(application.Value.PledgeId, cancellationToken))?.Value);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy application {ApplicationId} made to pledge {PledgeId} ({Match}% match) by {StaffId}")]
    private static partial void LogApplied(ILogger logger, string applicationId, string pledgeId, int match, string staffId);
}
