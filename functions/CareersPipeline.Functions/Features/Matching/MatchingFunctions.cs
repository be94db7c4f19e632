using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Messages;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Matching;

/// <summary>
/// Matching: the queues that match a person or the people near a candidate, the nightly full pass, the weekly digest
/// and the daily closing reminders (each timer with an admin twin to run it now), the person's matches page behind the
/// link in match emails, and advisers' caseloads. Handlers only translate HTTP.
/// </summary>
public static class MatchingFunctions
{
    private static readonly StaffRole[] Advisers = [StaffRole.Adviser, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // By a signed link from a match email
        HttpFunction.For("Matches", "GET", "matches", MatchPages.ShowAsync, b => Link(b).Produces<MatchesView>(200, "application/json", "text/html")
            .WithSummary("The person's matches, with the reason for each, behind the link in match emails")),
        HttpFunction.For("SaveMatch", "POST", "matches/saved/{candidateId}", MatchPages.SaveAsync, b => Link(b).Produces(303).ProducesProblem(409)
            .WithSummary("Save a match, for reminders a week and two days before it closes")),
        HttpFunction.For("UnsaveMatch", "POST", "matches/saved/{candidateId}/remove", MatchPages.UnsaveAsync, b => Link(b).Produces(303)
            .WithSummary("Stop saving a match")),
        HttpFunction.For("MatchPreferences", "POST", "matches/preferences", MatchPages.PreferencesAsync, b => Link(b)
            .Accepts<PreferencesChange>("application/json", "application/x-www-form-urlencoded").Produces(303).Produces<StatusResponse>(202).ProducesValidationProblem().ProducesProblem(415)
            .WithSummary("Say how far you will travel and whether you have a driving licence; matching runs again")),
        HttpFunction.For("MatchUnsubscribe", ["GET", "POST"], "matches/unsubscribe", MatchPages.UnsubscribeAsync, b => Link(b).Produces(200, contentType: "text/html")
            .WithSummary("One-click unsubscribe from match emails (List-Unsubscribe): GET shows a button, POST withdraws the Contact consent")),
        HttpFunction.For("MatchResubscribe", "POST", "matches/resubscribe", MatchPages.ResubscribeAsync, b => Link(b).Produces(303)
            .WithSummary("Start match emails again (gives the Contact consent)")),

        // Advisers
        HttpFunction.For("AdviserCaseload", "GET", "adviser/caseload", AdviserApi.CaseloadAsync, b => b.RequireStaff(Advisers).Produces<IReadOnlyList<CaseloadPerson>>()
            .WithSummary("The people on my caseload, each with their best matches at a glance")),
        HttpFunction.For("AdviserCaseloadAdd", "PUT", "adviser/caseload/{applicantId}", AdviserApi.AddAsync, b => b.RequireStaff(Advisers)
            .AuditPersonAccess(MatchingAccessActions.AddToCaseload).Produces(204).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Take a person onto my caseload, under the caseload's triage rules (409 when another adviser has them)")),
        HttpFunction.For("AdviserCaseloadRemove", "DELETE", "adviser/caseload/{applicantId}", AdviserApi.RemoveAsync, b => b.RequireStaff(Advisers)
            .AuditPersonAccess(MatchingAccessActions.RemoveFromCaseload).Produces(204).ProducesProblem(404)
            .WithSummary("Take a person off my caseload")),
        HttpFunction.For("AdviserPersonMatches", "GET", "adviser/people/{applicantId}/matches", AdviserApi.MatchesAsync, b => b.RequireStaff(Advisers)
            .AuditPersonAccess(MatchingAccessActions.ReadMatches).Produces<MatchesView>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("A person's matches and what keeps them from more (the person must be on my caseload)")),
        HttpFunction.For("AdviserPersonMatchPreferences", "PUT", "adviser/people/{applicantId}/match-preferences", AdviserApi.PreferencesAsync, b => b.RequireStaff(Advisers)
            .AuditPersonAccess(MatchingAccessActions.ChangePreferences).Accepts<PreferencesChange>("application/json").Produces<StatusResponse>(202)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415)
            .WithSummary("Set a person's travel distance or driving licence for them; matching runs again")),

        // Admins: the timers' twins
        HttpFunction.For("ManageRunMatching", "POST", "manage/matching/run", (MatchingFullPass pass, CancellationToken ct) => Ok(pass.RunAsync(ct)),
            b => b.RequireStaff(StaffRole.Admin).Produces<FullPassReport>().WithSummary("Run the full matching pass now")),
        HttpFunction.For("ManageSendMatchDigests", "POST", "manage/matching/digest", (MatchDigestJob job, CancellationToken ct) => Ok(job.RunAsync(ct)),
            b => b.RequireStaff(StaffRole.Admin).Produces<BatchSendResult>().WithSummary("Send this week's match digests now (people digested in the last six days are skipped)")),
        HttpFunction.For("ManageSendClosingReminders", "POST", "manage/matching/reminders", (ClosingReminderJob job, CancellationToken ct) => Ok(job.RunAsync(ct)),
            b => b.RequireStaff(StaffRole.Admin).Produces<BatchSendResult>().WithSummary("Send today's closing-soon reminders now")),

        QueueFunction.For<MatchPersonMessage>("MatchPerson", StorageNames.Queues.MatchPeople, (services, message, ct) => services.GetRequiredService<PersonMatcher>().HandleAsync(message, ct)),
        QueueFunction.For<MatchCandidateMessage>("MatchCandidate", StorageNames.Queues.MatchCandidates, (services, message, ct) => services.GetRequiredService<CandidateMatcher>().HandleAsync(message, ct)),
        new TimerFunction("MatchEveryone", "MATCHING_SCHEDULE", (services, _, ct) => services.GetRequiredService<MatchingFullPass>().RunAsync(ct)),
        new TimerFunction("SendMatchDigests", "MATCH_DIGEST_SCHEDULE", (services, _, ct) => services.GetRequiredService<MatchDigestJob>().RunAsync(ct)),
        new TimerFunction("SendClosingReminders", "CLOSING_REMINDER_SCHEDULE", (services, _, ct) => services.GetRequiredService<ClosingReminderJob>().RunAsync(ct)),
    ];

    private static RouteHandlerBuilder Link(RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<IResult> Ok<T>(Task<T> run) => TypedResults.Ok(await run);
}

/// <summary>What staff did with a person's matching records, as the access audit records it.</summary>
public static class MatchingAccessActions
{
    public const string ReadMatches = "read-matches";
    public const string ChangePreferences = "change-match-preferences";
    public const string AddToCaseload = "add-to-caseload";
    public const string RemoveFromCaseload = "remove-from-caseload";
}
