using System.Globalization;
using Azure;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Outreach case management: taking people from triage, assigning them, and every change to a case (interventions,
/// outcomes, next action, route, status), each made only to the version the adviser read. Access is decided by
/// <see cref="CaseAccess"/>; a case the caller may not see, or a person the service must not show (an under-16 without
/// a guardian's consent), is "not found". Notes are never logged, nor put in <see cref="CaseRecord.LastChange"/>.
/// </summary>
public sealed class CaseService(
    CaseStore cases,
    AdviserTeams teams,
    CaseloadStore caseloads,
    ApplicantStore applicants,
    StaffDirectory directory,
    IOptions<CaseloadOptions> options,
    TimeProvider time)
{
    public const string NoSuchCase = "There is no case with that id that you can see.";
    public const int NotesMax = 4000;
    private const int TextMax = 200;

    public async Task<CaseAccess> AccessAsync(StaffPrincipal staff, CancellationToken cancellationToken) =>
        new(staff, await teams.OfAsync(staff.SubjectId, cancellationToken));

    /// <summary>Supported-route sign-ups nobody has taken yet, longest waiting first.</summary>
    public async Task<Result<IReadOnlyList<TriageItem>>> TriageAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!(await AccessAsync(staff, cancellationToken)).MayWorkOnCases)
        {
            return new Result<IReadOnlyList<TriageItem>>.Forbidden("Only advisers and admins see the triage list.");
        }

        return new Result<IReadOnlyList<TriageItem>>.Ok(await WaitingAsync(cancellationToken));
    }

    /// <summary>
    /// The triage list itself, with no caller: for the daily emails (system jobs), and behind <see cref="TriageAsync"/>,
    /// which checks the caller first. Under-16s without a guardian's consent are left out here too.
    /// </summary>
    public async Task<IReadOnlyList<TriageItem>> WaitingAsync(CancellationToken cancellationToken)
    {
        var taken = (await cases.ListAsync(null, cancellationToken)).Select(c => c.Value.ApplicantId).ToHashSet(StringComparer.Ordinal);
        var contacted = (await cases.EntriesOfKindAsync(CaseEntryKind.Engaged, cancellationToken)).Select(e => e.ApplicantId).ToHashSet(StringComparer.Ordinal);
        var referred = (await cases.EntriesOfKindAsync(CaseEntryKind.Referred, cancellationToken))
            .GroupBy(e => e.ApplicantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Entry.RecordedBy, StringComparer.Ordinal);
        var filter = TableFilters.And(TableFilters.Equal("Route", nameof(JourneyRoute.SeldomHeardSupported)), TableFilters.Equal("Status", nameof(ApplicantStatus.Active)));
        var today = Today();
        var items = new List<TriageItem>();
        await foreach (var applicant in applicants.QueryAsync(filter!, TriageColumns, cancellationToken))
        {
            if (taken.Contains(applicant.PartitionKey) || !MayBeShown(applicant, today))
            {
                continue;
            }

            var waiting = WorkingDays.Between(DateOnly.FromDateTime(applicant.CreatedAt.UtcDateTime), today);
            var wasContacted = contacted.Contains(applicant.PartitionKey);
            items.Add(new TriageItem(applicant.PartitionKey, applicant.FirstName, applicant.LastName, applicant.Door, applicant.CreatedAt, waiting, wasContacted, !wasContacted && waiting > options.Value.WorkingDaysToContact, referred.GetValueOrDefault(applicant.PartitionKey)));
        }

        return [.. items.OrderBy(i => i.SignedUpAt)];
    }

    /// <summary>The caller takes the person onto their own caseload (shared with their team, if they have one).</summary>
    public async Task<Result<Versioned<CaseRecord>>> TakeAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(staff, cancellationToken);
        if (!access.IsAdviser && !access.IsAdmin)
        {
            return new Result<Versioned<CaseRecord>>.Forbidden("Only advisers take people onto a caseload.");
        }

        return await OpenAsync(access, applicantId, staff.SubjectId, access.Membership, true, CaseEntryKind.Taken, cancellationToken);
    }

    /// <summary>Gives a person from triage, or an existing case, to an adviser.</summary>
    public async Task<Result<Versioned<CaseRecord>>> AssignAsync(StaffPrincipal staff, string applicantId, AssignInput input, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(staff, cancellationToken);
        if (!access.MayWorkOnCases)
        {
            return new Result<Versioned<CaseRecord>>.Forbidden("Only advisers and admins assign cases.");
        }

        var owner = input.OwnerId?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(owner) || await directory.FindAsync(owner, cancellationToken) is not { } target || !target.Roles.Contains(StaffRole.Adviser))
        {
            return Invalid<Versioned<CaseRecord>>("ownerId", "Choose an adviser.");
        }

        var targetTeam = await teams.OfAsync(owner, cancellationToken);
        var current = await cases.GetAsync(applicantId, cancellationToken);
        if (current is null)
        {
            return access.MayAssign(null, targetTeam)
                ? await OpenAsync(access, applicantId, owner, targetTeam, input.SharedWithTeam ?? true, CaseEntryKind.Assigned, cancellationToken)
                : await ForbiddenOrNotFoundAsync<Versioned<CaseRecord>>(applicantId, "You can assign people only to advisers in your own team.", cancellationToken);
        }

        return await ChangeAsync(access, applicantId, ifMatch, (record, now) =>
        {
            if (!access.MayAssign(record, targetTeam))
            {
                return new Result<Change>.Forbidden("You can assign a case only to an adviser in your own team.");
            }

            var changed = record with { OwnerId = owner, Team = targetTeam?.Team, SharedWithTeam = input.SharedWithTeam ?? record.SharedWithTeam };
            return Ok(changed, Entry(CaseEntryKind.Assigned, now, staff, Today(), detail: $"Assigned to {target.DisplayName}"), $"Assigned the case to {target.DisplayName}");
        }, cancellationToken);
    }

    public async Task<Result<Versioned<CaseView>>> FindAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(staff, cancellationToken);
        var (found, timeline) = ApplicantIds.IsWellFormed(applicantId) ? await cases.ReadAsync(applicantId, cancellationToken) : (null, []);
        if (found is null || !access.CanSee(found.Value) || await VisiblePersonAsync(applicantId, cancellationToken) is not { } applicant)
        {
            return new Result<Versioned<CaseView>>.NotFound(NoSuchCase);
        }

        var today = Today();
        var view = new CaseView(found.Value, PersonOf(applicant), timeline, ContactOverdue(found.Value, today), found.Value.NextActionDue < today && found.Value.Status != CaseStatus.Closed);
        return new Result<Versioned<CaseView>>.Ok(new Versioned<CaseView>(view, found.ETag));
    }

    /// <summary>
    /// The cases the caller works on: their own and those shared with their team; a lead's whole team; an admin's
    /// everything. Closed cases are left out unless asked for.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> CaseloadAsync(StaffPrincipal staff, bool includeClosed, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(staff, cancellationToken);
        return await SummariesAsync(await VisibleCasesAsync(access, cancellationToken), includeClosed, cancellationToken);
    }

    /// <summary>
    /// The caseload lines of these cases (people who may not be shown left out), overdue and due-today actions first.
    /// No access check: callers pass only cases the reader may see, or are the daily email job.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> SummariesAsync(IEnumerable<CaseRecord> records, bool includeClosed, CancellationToken cancellationToken)
    {
        var today = Today();
        var summaries = new List<CaseSummary>();
        foreach (var record in records.Where(r => includeClosed || r.Status != CaseStatus.Closed))
        {
            if (await VisiblePersonAsync(record.ApplicantId, cancellationToken) is not { } applicant)
            {
                continue;
            }

            var open = record.Status != CaseStatus.Closed;
            summaries.Add(new CaseSummary(
                record.ApplicantId, applicant.FirstName, applicant.LastName, record.Status, record.OwnerId, record.Team, record.NextAction, record.NextActionDue,
                open && record.NextActionDue < today, open && record.NextActionDue == today, ContactOverdue(record, today), SustainedCheck.DueMonths(record, today)));
        }

        return [.. summaries.OrderByDescending(s => s.ActionOverdue).ThenByDescending(s => s.ActionDueToday).ThenBy(s => s.NextActionDue ?? DateOnly.MaxValue).ThenBy(s => s.FirstName, StringComparer.Ordinal)];
    }

    public Task<Result<Versioned<CaseRecord>>> LogInterventionAsync(StaffPrincipal staff, string applicantId, InterventionInput input, ETag? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(staff, applicantId, ifMatch, (record, now) =>
        {
            var errors = new ValidationErrors();
            var type = Choice<InterventionType>(input.Type, "type", "Choose the type of intervention.", errors);
            var on = PastDate(input.Date, "date", errors);
            if (input.Minutes is null or < 0 or > 1440)
            {
                errors.Add("minutes", "Give the minutes spent, from 0 to 1440.");
            }

            var notes = Notes(input.Notes, errors);
            if (!errors.IsEmpty)
            {
                return new Result<Change>.Invalid(errors.ToDictionary());
            }

            if (record.Status == CaseStatus.Closed)
            {
                return new Result<Change>.Conflict("This case is closed: reopen it before logging an intervention.");
            }

            // The first intervention is the first contact, and starts the work.
            var changed = record with
            {
                FirstContactAt = record.FirstContactAt ?? now,
                Status = record.Status == CaseStatus.Open ? CaseStatus.Active : record.Status,
            };
            return Ok(changed, Entry(CaseEntryKind.Intervention, now, staff, on!.Value, type.ToString(), input.Minutes, notes), $"Logged an intervention ({Words(type)}) on {Long(on.Value)}");
        }, cancellationToken);

    public Task<Result<Versioned<CaseRecord>>> RecordOutcomeAsync(StaffPrincipal staff, string applicantId, OutcomeInput input, ETag? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(staff, applicantId, ifMatch, (record, now) =>
        {
            var errors = new ValidationErrors();
            var type = Choice<OutcomeType>(input.Type, "type", "Choose the outcome.", errors);
            var on = PastDate(input.Date, "date", errors);
            var notes = Notes(input.Notes, errors);
            string? employer = null, role = null;
            DateOnly? start = null;
            if (type == OutcomeType.EmploymentInHealthOrCare)
            {
                employer = Text(input.Employer, "employer", "Give the employer.", errors);
                role = Text(input.Role, "role", "Give the role.", errors);
                start = DateOf(input.StartDate, "startDate", "Give the start date.", errors);
            }
            else if (type is OutcomeType.SustainedThreeMonths or OutcomeType.SustainedSixMonths && record.EmployedFrom is null)
            {
                errors.Add("type", "Record the employment outcome first: sustained outcomes follow it.");
            }

            if (!errors.IsEmpty)
            {
                return new Result<Change>.Invalid(errors.ToDictionary());
            }

            var outcomes = new HashSet<OutcomeType>(record.Outcomes) { type!.Value };
            var changed = record with { Outcomes = outcomes, EmployedFrom = start ?? record.EmployedFrom, FirstContactAt = record.FirstContactAt ?? now };
            var detail = start is { } s ? $"Starts {Long(s)}" : null;
            return Ok(changed, Entry(CaseEntryKind.Outcome, now, staff, on!.Value, type.ToString(), null, notes, employer, role, detail), $"Recorded an outcome ({Words(type)})");
        }, cancellationToken);

    public Task<Result<Versioned<CaseRecord>>> SetNextActionAsync(StaffPrincipal staff, string applicantId, NextActionInput input, ETag? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(staff, applicantId, ifMatch, (record, now) =>
        {
            var errors = new ValidationErrors();
            var action = input.Action?.Trim();
            DateOnly? due = null;
            if (!string.IsNullOrEmpty(action))
            {
                if (action.Length > TextMax)
                {
                    errors.Add("action", $"Keep the next action to {TextMax} characters; put detail in an intervention's notes.");
                }

                due = DateOf(input.Due, "due", "Give the date it is due.", errors);
            }

            if (!errors.IsEmpty)
            {
                return new Result<Change>.Invalid(errors.ToDictionary());
            }

            var changed = record with { NextAction = string.IsNullOrEmpty(action) ? null : action, NextActionDue = due };
            var summary = due is { } d ? $"Set the next action, due {Long(d)}" : "Cleared the next action";
            return Ok(changed, Entry(CaseEntryKind.NextAction, now, staff, Today(), detail: due is { } when ? $"Due {Long(when)}" : "Cleared", notes: changed.NextAction), summary);
        }, cancellationToken);

    /// <summary>
    /// The adviser's route replaces the automatic one on the person's sign-up too (so their next steps follow it); the
    /// case keeps the automatic route, and the timeline both, with the reason.
    /// </summary>
    public async Task<Result<Versioned<CaseRecord>>> OverrideRouteAsync(StaffPrincipal staff, string applicantId, RouteInput input, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(staff, applicantId, ifMatch, (record, now) =>
        {
            var errors = new ValidationErrors();
            var route = Choice<JourneyRoute>(input.Route, "route", "Choose the route.", errors);
            var reason = Text(input.Reason, "reason", "Say why the route is changing.", errors, 500);
            if (errors.IsEmpty && route == record.Route)
            {
                errors.Add("route", "That is the route the person is on already.");
            }

            if (!errors.IsEmpty)
            {
                return new Result<Change>.Invalid(errors.ToDictionary());
            }

            var from = record.Route;
            var changed = record with { RouteOverride = route == record.AutomaticRoute ? null : route };
            return Ok(changed, Entry(CaseEntryKind.RouteChanged, now, staff, Today(), route.ToString(), notes: reason, detail: $"From {from?.ToString() ?? "none"} (automatic: {record.AutomaticRoute?.ToString() ?? "none"}) to {route}"), $"Changed the route to {Words(route)}");
        }, cancellationToken);

        if (result is Result<Versioned<CaseRecord>>.Ok ok)
        {
            await applicants.ChangeAsync(applicantId, a =>
            {
                var route = ok.Value.Value.Route?.ToString();
                if (a.Route == route)
                {
                    return false;
                }

                a.Route = route;
                return true;
            }, cancellationToken);
        }

        return result;
    }

    public Task<Result<Versioned<CaseRecord>>> ChangeStatusAsync(StaffPrincipal staff, string applicantId, StatusInput input, ETag? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(staff, applicantId, ifMatch, (record, now) =>
        {
            var errors = new ValidationErrors();
            var status = Choice<CaseStatus>(input.Status, "status", "Choose the status.", errors);
            var reason = input.Reason?.Trim();
            if (reason is { Length: > 500 })
            {
                errors.Add("reason", "Keep the reason to 500 characters.");
            }

            if (errors.IsEmpty && status == CaseStatus.Closed && record.Outcomes.Count == 0 && string.IsNullOrEmpty(reason))
            {
                errors.Add("reason", "No outcome is recorded: say why the case is closing.");
            }

            if (!errors.IsEmpty)
            {
                return new Result<Change>.Invalid(errors.ToDictionary());
            }

            var changed = record with { Status = status!.Value, ClosedReason = status == CaseStatus.Closed ? (string.IsNullOrEmpty(reason) ? null : reason) : null };
            return Ok(changed, Entry(CaseEntryKind.StatusChanged, now, staff, Today(), status.ToString(), notes: string.IsNullOrEmpty(reason) ? null : reason), $"Changed the status to {Words(status)}");
        }, cancellationToken);

    /// <summary>
    /// An engaged contact with someone who is not case-managed (came to a session or event): counted apart from cases,
    /// and it counts as contact for the triage flag. A person with a case gets interventions instead.
    /// </summary>
    public async Task<Result<CaseEntry>> RecordEngagedAsync(StaffPrincipal staff, string applicantId, EngagedInput input, CancellationToken cancellationToken)
    {
        if (!(await AccessAsync(staff, cancellationToken)).MayWorkOnCases)
        {
            return new Result<CaseEntry>.Forbidden("Only advisers and admins record contacts.");
        }

        if (await VisiblePersonAsync(applicantId, cancellationToken) is null)
        {
            return new Result<CaseEntry>.NotFound(NoSuchCase);
        }

        if (await cases.GetAsync(applicantId, cancellationToken) is not null)
        {
            return new Result<CaseEntry>.Conflict("This person has a case: log an intervention on it instead.");
        }

        var errors = new ValidationErrors();
        var on = PastDate(input.Date, "date", errors);
        var activity = Text(input.Activity, "activity", "Say which session or event it was.", errors);
        var notes = Notes(input.Notes, errors);
        if (!errors.IsEmpty)
        {
            return new Result<CaseEntry>.Invalid(errors.ToDictionary());
        }

        var entry = Entry(CaseEntryKind.Engaged, time.GetUtcNow(), staff, on!.Value, notes: notes, detail: activity);
        await cases.AddEntryAsync(applicantId, entry, cancellationToken);
        return new Result<CaseEntry>.Ok(entry);
    }

    /// <summary>Programme numbers: aggregate counts, no one's details, so any adviser may read them.</summary>
    public async Task<ProgrammeCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var all = (await cases.ListAsync(null, cancellationToken)).Select(c => c.Value).ToList();
        var managed = all.Select(c => c.ApplicantId).ToHashSet(StringComparer.Ordinal);
        var engaged = (await cases.EntriesOfKindAsync(CaseEntryKind.Engaged, cancellationToken)).Select(e => e.ApplicantId).Where(id => !managed.Contains(id)).Distinct(StringComparer.Ordinal).Count();
        var interventions = (await cases.EntriesOfKindAsync(CaseEntryKind.Intervention, cancellationToken))
            .Select(e => Enum.TryParse<InterventionType>(e.Entry.Type, out var t) ? t : InterventionType.Other)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return new ProgrammeCounts(
            all.Count(c => c.Status != CaseStatus.Closed),
            engaged,
            Enum.GetValues<CaseStatus>().ToDictionary(s => s, s => all.Count(c => c.Status == s)),
            Enum.GetValues<InterventionType>().ToDictionary(t => t, t => interventions.GetValueOrDefault(t)),
            Enum.GetValues<OutcomeType>().ToDictionary(o => o, o => all.Count(c => c.Outcomes.Contains(o))));
    }

    /// <summary>Every case the access allows, read from the case rows (the owner index serves matching and privacy).</summary>
    public async Task<IReadOnlyList<CaseRecord>> VisibleCasesAsync(CaseAccess access, CancellationToken cancellationToken)
    {
        if (access.IsAdmin)
        {
            return [.. (await cases.ListAsync(null, cancellationToken)).Select(c => c.Value)];
        }

        if (!access.IsAdviser)
        {
            return [];
        }

        var found = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        foreach (var record in await cases.ListAsync(TableFilters.Equal("OwnerId", access.Staff.SubjectId.ToLowerInvariant()), cancellationToken))
        {
            found[record.Value.ApplicantId] = record.Value;
        }

        if (access.Membership is { } team)
        {
            foreach (var record in await cases.ListAsync(TableFilters.Equal("Team", team.Team), cancellationToken))
            {
                if (access.CanSee(record.Value))
                {
                    found[record.Value.ApplicantId] = record.Value;
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>Not contacted within the working days allowed since the person signed up.</summary>
    public bool ContactOverdue(CaseRecord record, DateOnly today) =>
        record.FirstContactAt is null && record.Status != CaseStatus.Closed
        && WorkingDays.Between(DateOnly.FromDateTime(record.SignedUpAt.UtcDateTime), today) > options.Value.WorkingDaysToContact;

    /// <summary>
    /// The person as advisers may see them: null when there is no such sign-up, or it is an under-16's without their
    /// guardian's consent (they are never shown to advisers until a guardian agrees).
    /// </summary>
    public async Task<ApplicantEntity?> VisiblePersonAsync(string applicantId, CancellationToken cancellationToken) =>
        ApplicantIds.IsWellFormed(applicantId) && await applicants.FindAsync(applicantId, cancellationToken) is { } applicant && MayBeShown(applicant, Today())
            ? applicant
            : null;

    private static bool MayBeShown(ApplicantEntity applicant, DateOnly today) =>
        applicant.Status != nameof(ApplicantStatus.AwaitingGuardianConsent)
        && DateOnly.TryParseExact(applicant.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
        && (!ChildrenPolicy.IsChild(born, today) || applicant.GuardianConsentedAt is not null);

    private async Task<Result<Versioned<CaseRecord>>> OpenAsync(CaseAccess access, string applicantId, string ownerId, TeamMembership? team, bool shared, CaseEntryKind kind, CancellationToken cancellationToken)
    {
        if (await VisiblePersonAsync(applicantId, cancellationToken) is not { } applicant)
        {
            return new Result<Versioned<CaseRecord>>.NotFound(NoSuchCase);
        }

        var now = time.GetUtcNow();
        var route = Enum.TryParse<JourneyRoute>(applicant.Route, out var parsed) ? parsed : (JourneyRoute?)null;
        var owner = ownerId.ToLowerInvariant();
        var action = kind == CaseEntryKind.Taken ? "Took the person onto their caseload" : $"Assigned the case to {owner}";
        var record = new CaseRecord(
            applicantId, CaseStatus.Open, owner, team?.Team, shared && team is not null, applicant.CreatedAt, now, null, route, null, null, null, null,
            new HashSet<OutcomeType>(), null, action, access.Staff.DisplayName, now);
        if (await cases.AddAsync(record, Entry(kind, now, access.Staff, Today(), detail: action), cancellationToken) is not { } etag)
        {
            return new Result<Versioned<CaseRecord>>.Conflict("Someone has taken this person already; they are no longer on the triage list.");
        }

        // The owner index that matching (an adviser's matches) and privacy (consents by phone) check.
        await caseloads.AddAsync(owner, applicantId, now, cancellationToken);
        return new Result<Versioned<CaseRecord>>.Ok(new Versioned<CaseRecord>(record, etag));
    }

    private async Task<Result<Versioned<CaseRecord>>> ChangeAsync(StaffPrincipal staff, string applicantId, ETag? ifMatch, Func<CaseRecord, DateTimeOffset, Result<Change>> change, CancellationToken cancellationToken) =>
        await ChangeAsync(await AccessAsync(staff, cancellationToken), applicantId, ifMatch, change, cancellationToken);

    /// <summary>
    /// Every edit: the case as the caller may see it, the version they read (required), the change, and one write of the
    /// case with its timeline line at that version. A stale version says who saved what first; nothing is overwritten.
    /// </summary>
    private async Task<Result<Versioned<CaseRecord>>> ChangeAsync(CaseAccess access, string applicantId, ETag? ifMatch, Func<CaseRecord, DateTimeOffset, Result<Change>> change, CancellationToken cancellationToken)
    {
        if (!access.MayWorkOnCases || !ApplicantIds.IsWellFormed(applicantId)
            || await cases.GetAsync(applicantId, cancellationToken) is not { } current || !access.CanSee(current.Value)
            || await VisiblePersonAsync(applicantId, cancellationToken) is null)
        {
            return new Result<Versioned<CaseRecord>>.NotFound(NoSuchCase);
        }

        if (ifMatch is null || ifMatch.Value != current.ETag)
        {
            return Stale(current.Value);
        }

        var now = time.GetUtcNow();
        switch (change(current.Value, now))
        {
            case Result<Change>.Ok { Value: var made }:
                var saved = made.Record with { LastChange = made.Summary, LastChangedBy = access.Staff.DisplayName, UpdatedAt = now };
                if (await cases.SaveAsync(saved, current.ETag, made.Entry, cancellationToken) is not { } etag)
                {
                    return await cases.GetAsync(applicantId, cancellationToken) is { } winner ? Stale(winner.Value) : new Result<Versioned<CaseRecord>>.NotFound(NoSuchCase);
                }

                if (!string.Equals(saved.OwnerId, current.Value.OwnerId, StringComparison.Ordinal))
                {
                    await caseloads.RemoveAsync(current.Value.OwnerId, applicantId, cancellationToken);
                    await caseloads.AddAsync(saved.OwnerId, applicantId, now, cancellationToken);
                }

                return new Result<Versioned<CaseRecord>>.Ok(new Versioned<CaseRecord>(saved, etag));
            case var refused:
                return refused.Map<Versioned<CaseRecord>>(_ => throw new InvalidOperationException());
        }
    }

    private static Result<Versioned<CaseRecord>> Stale(CaseRecord current) =>
        new Result<Versioned<CaseRecord>>.Stale($"{current.LastChangedBy} changed this case first ({current.LastChange}, {current.UpdatedAt.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC). Read it again and redo your change.");

    private async Task<Result<T>> ForbiddenOrNotFoundAsync<T>(string applicantId, string reason, CancellationToken cancellationToken) =>
        await VisiblePersonAsync(applicantId, cancellationToken) is null ? new Result<T>.NotFound(NoSuchCase) : new Result<T>.Forbidden(reason);

    private static CasePerson PersonOf(ApplicantEntity a) => new(
        a.PartitionKey, a.FirstName, a.LastName, a.Door, Enum.TryParse<JourneyRoute>(a.Route, out var r) ? r : null, a.Stage, a.CreatedAt, a.SupportNeeds, a.PreferredLanguage, a.RightToWork);

    private static CaseEntry Entry(CaseEntryKind kind, DateTimeOffset now, StaffPrincipal staff, DateOnly on, string? type = null, int? minutes = null, string? notes = null, string? employer = null, string? role = null, string? detail = null) =>
        new(CaseStore.NewEntryId(now), kind, now, staff.DisplayName, on, type, minutes, notes, employer, role, detail);

    private static Result<Change> Ok(CaseRecord record, CaseEntry entry, string summary) => new Result<Change>.Ok(new Change(record, entry, summary));

    private static Result<T> Invalid<T>(string field, string message) => new Result<T>.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    private static T? Choice<T>(string? value, string field, string message, ValidationErrors errors)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(field, message);
        return null;
    }

    private static string? Text(string? value, string field, string message, ValidationErrors errors, int max = TextMax)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, message);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, $"Keep it to {max} characters.");
        }

        return text;
    }

    private static string? Notes(string? value, ValidationErrors errors)
    {
        var notes = value?.Trim();
        if (notes is { Length: > NotesMax })
        {
            errors.Add("notes", $"Keep notes to {NotesMax} characters.");
        }

        return string.IsNullOrEmpty(notes) ? null : notes;
    }

    private static DateOnly? DateOf(string? value, string field, string message, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, message + " (a real date)");
        return null;
    }

    private DateOnly? PastDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Today();
        }

        var date = DateOf(value, field, "Give the date", errors);
        if (date > Today())
        {
            errors.Add(field, "The date must be today or in the past.");
        }

        return date;
    }

    private static string Words<T>(T? value)
        where T : struct, Enum => CaseWords.Of(value);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static readonly string[] TriageColumns = ["PartitionKey", "FirstName", "LastName", "Door", "CreatedAt", "DateOfBirth", "GuardianConsentedAt", "Status", "Route"];

    /// <summary>What one edit does: the case after it, its timeline line, and a note-free summary for the next stale save.</summary>
    private sealed record Change(CaseRecord Record, CaseEntry Entry, string Summary);
}
