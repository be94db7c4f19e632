using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Advisers' view of matching: their caseload with each person's best matches at a glance, one person's matches with
/// what keeps them from more, and setting a person's preferences for them. An adviser sees only the people on their
/// caseload; an admin sees anyone.
/// </summary>
public sealed class AdviserMatches(CaseloadStore caseloads, CaseService cases, ApplicantStore applicants, PersonMatches matches)
{
    public const int AtAGlance = 3;

    public const string NoSuchSignUp = "There is no sign-up with that id.";

    /// <summary>The person exists but is not on this adviser's caseload (the HTTP layer says how to add them).</summary>
    public const string NotOnCaseload = "This person is not on your caseload.";

    public async Task<IReadOnlyList<CaseloadPerson>> CaseloadAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var people = new List<CaseloadPerson>();
        foreach (var entry in await caseloads.ListAsync(staff.SubjectId, cancellationToken))
        {
            if (await applicants.FindAsync(entry.ApplicantId, cancellationToken) is not { } applicant)
            {
                continue;
            }

            var view = await matches.ViewAsync(applicant, cancellationToken);
            people.Add(new CaseloadPerson(applicant.PartitionKey, applicant.FirstName, view.Route, applicant.Stage, entry.AddedAt, view.Matches.Count, [.. view.Matches.Take(AtAGlance)]));
        }

        return people;
    }

    /// <summary>
    /// Adds a person to the adviser's caseload by taking them from triage, under the caseload's rules: only someone with
    /// no case yet (a second adviser gets a conflict), never an under-16 whose guardian has not agreed. Adding someone
    /// already on one's own caseload changes nothing.
    /// </summary>
    public async Task<Result<bool>> AddAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken)
    {
        if (!ApplicantIds.IsWellFormed(applicantId) || await applicants.FindAsync(applicantId, cancellationToken) is null)
        {
            return new Result<bool>.NotFound(NoSuchSignUp);
        }

        if (await caseloads.ContainsAsync(staff.SubjectId, applicantId, cancellationToken))
        {
            return new Result<bool>.Ok(true);
        }

        return (await cases.TakeAsync(staff, applicantId, cancellationToken)).Map(_ => true);
    }

    public Task<bool> RemoveAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken) =>
        caseloads.RemoveAsync(staff.SubjectId, applicantId, cancellationToken);

    public async Task<Result<MatchesView>> MatchesAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken) =>
        await AccessAsync(staff, applicantId, cancellationToken) is { } applicant
            ? new Result<MatchesView>.Ok(await matches.ViewAsync(applicant, cancellationToken))
            : await ExistsAsync(applicantId, cancellationToken) ? new Result<MatchesView>.Forbidden(NotOnCaseload) : new Result<MatchesView>.NotFound(NoSuchSignUp);

    public async Task<Result<PreferencesOutcome>> SetPreferencesAsync(StaffPrincipal staff, string applicantId, PreferencesChange change, CancellationToken cancellationToken) =>
        await AccessAsync(staff, applicantId, cancellationToken) is { } applicant
            ? new Result<PreferencesOutcome>.Ok(await matches.SetPreferencesAsync(applicant, change, cancellationToken))
            : await ExistsAsync(applicantId, cancellationToken) ? new Result<PreferencesOutcome>.Forbidden(NotOnCaseload) : new Result<PreferencesOutcome>.NotFound(NoSuchSignUp);

    private async Task<ApplicantEntity?> AccessAsync(StaffPrincipal staff, string applicantId, CancellationToken cancellationToken)
    {
        if (!ApplicantIds.IsWellFormed(applicantId)
            || (!staff.Roles.Contains(StaffRole.Admin) && !await caseloads.ContainsAsync(staff.SubjectId, applicantId, cancellationToken)))
        {
            return null;
        }

        return await applicants.FindAsync(applicantId, cancellationToken);
    }

    private async Task<bool> ExistsAsync(string applicantId, CancellationToken cancellationToken) =>
        ApplicantIds.IsWellFormed(applicantId) && await applicants.FindAsync(applicantId, cancellationToken) is not null;
}

/// <summary>One person on a caseload, with their best matches at a glance.</summary>
public sealed record CaseloadPerson(string ApplicantId, string FirstName, JourneyRoute? Route, string Stage, DateTimeOffset OnCaseloadSince, int MatchCount, IReadOnlyList<MatchItem> TopMatches);
