using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>
/// Outreach case management in the API (every action the caseload pages offer): triage, taking and assigning, cases and
/// their edits (each with If-Match), engaged contacts, programme counts and CSV exports, and teams (admins).
/// </summary>
public static class CaseloadFunctions
{
    private static readonly StaffRole[] Advisers = [StaffRole.Adviser, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("CaseloadTriage", "GET", "caseload/triage", CaseloadApi.TriageAsync, b => b.RequireStaff(Advisers).Produces<IReadOnlyList<TriageItem>>()
            .WithSummary("Supported-route sign-ups nobody has taken yet, each flagged when not contacted within the working days allowed")),
        HttpFunction.For("CaseloadTake", "POST", "caseload/triage/{applicantId}/take", CaseloadApi.TakeAsync, b => Person(b, CaseloadAccessActions.Take).Produces<CaseRecord>().ProducesProblem(409)
            .WithSummary("Take a person from triage onto my caseload (409 when someone took them first)")),
        HttpFunction.For("CaseloadAssign", "PUT", "caseload/cases/{applicantId}/owner", CaseloadApi.AssignAsync, b => Edit(b, CaseloadAccessActions.Assign).Accepts<AssignInput>("application/json")
            .WithSummary("Give a person from triage, or a case, to an adviser (leads within their team; admins anyone); If-Match once the case exists")),
        HttpFunction.For("CaseloadCases", "GET", "caseload/cases", CaseloadApi.CaseloadAsync, b => b.RequireStaff(Advisers).Produces<IReadOnlyList<CaseSummary>>()
            .WithSummary("My caseload: my cases, those shared with my team (a lead's whole team, an admin's all), overdue and due-today actions first")),
        HttpFunction.For("CaseloadCase", "GET", "caseload/cases/{applicantId}", CaseloadApi.CaseAsync, b => Person(b, CaseloadAccessActions.Read).Produces<CaseView>()
            .WithSummary("A case with its person and timeline; the ETag is what If-Match must carry back")),
        HttpFunction.For("CaseloadIntervention", "POST", "caseload/cases/{applicantId}/interventions", CaseloadApi.InterventionAsync, b => Edit(b, CaseloadAccessActions.Intervention).Accepts<InterventionInput>("application/json")
            .WithSummary("Log an intervention (type, date, minutes, notes)")),
        HttpFunction.For("CaseloadOutcome", "POST", "caseload/cases/{applicantId}/outcomes", CaseloadApi.OutcomeAsync, b => Edit(b, CaseloadAccessActions.Outcome).Accepts<OutcomeInput>("application/json")
            .WithSummary("Record an outcome; employment needs employer, role and start date")),
        HttpFunction.For("CaseloadNextAction", "PUT", "caseload/cases/{applicantId}/next-action", CaseloadApi.NextActionAsync, b => Edit(b, CaseloadAccessActions.NextAction).Accepts<NextActionInput>("application/json")
            .WithSummary("Set (or clear) the next action and its due date")),
        HttpFunction.For("CaseloadRoute", "PUT", "caseload/cases/{applicantId}/route", CaseloadApi.RouteAsync, b => Edit(b, CaseloadAccessActions.Route).Accepts<RouteInput>("application/json")
            .WithSummary("Change the person's Journey to Work route, with the reason; the history keeps the automatic route too")),
        HttpFunction.For("CaseloadStatus", "PUT", "caseload/cases/{applicantId}/status", CaseloadApi.StatusAsync, b => Edit(b, CaseloadAccessActions.Status).Accepts<StatusInput>("application/json")
            .WithSummary("Open, active, on hold or closed; closing without an outcome needs a reason")),
        HttpFunction.For("CaseloadEngaged", "POST", "caseload/people/{applicantId}/engaged", CaseloadApi.EngagedAsync, b => Person(b, CaseloadAccessActions.Engaged).Accepts<EngagedInput>("application/json")
            .Produces<CaseEntry>().ProducesValidationProblem().ProducesProblem(409).ProducesProblem(415)
            .WithSummary("Record an engaged contact (a session or event) for someone who is not case-managed")),
        HttpFunction.For("CaseloadCounts", "GET", "caseload/counts", CaseloadApi.CountsAsync, b => b.RequireStaff(Advisers).Produces<ProgrammeCounts>()
            .WithSummary("Programme counts: case-managed and engaged people apart, cases by status, interventions and outcomes")),
        HttpFunction.For("CaseloadCsv", "GET", "caseload/cases.csv", CaseloadApi.CaseloadCsvAsync, b => b.RequireStaff(Advisers).Produces(200, contentType: "text/csv")
            .WithSummary("My caseload as CSV (cells that a spreadsheet would run as formulas are defused)")),
        HttpFunction.For("CaseloadCountsCsv", "GET", "caseload/counts.csv", CaseloadApi.CountsCsvAsync, b => b.RequireStaff(Advisers).Produces(200, contentType: "text/csv")
            .WithSummary("Programme counts as CSV")),
        HttpFunction.For("CaseloadTeam", "PUT", "caseload/teams/{staffId}", CaseloadApi.TeamAsync, b => b.RequireStaff(StaffRole.Admin).Accepts<TeamInput>("application/json")
            .Produces<TeamMembership>().ProducesValidationProblem().ProducesProblem(415)
            .WithSummary("Put an adviser in an outreach team, or make them its lead")),
        HttpFunction.For("CaseloadRegister", "POST", "caseload/registrations", CaseloadApi.RegisterAsync, b => b.RequireStaff(StaffRole.Adviser).Accepts<AssistedRegistrationInput>("application/json")
            .Produces<CaseRecord>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(415)
            .WithSummary("Register a person with me (the public sign-up's rules, plus languages, interpreter, right-to-work evidence type and needs); they land on my caseload")),
        HttpFunction.For("CaseloadPartners", "GET", "caseload/partners", ReferralPages.PartnersAsync, b => b.RequireStaff(StaffRole.Admin).Produces<IReadOnlyList<PartnerLink>>()
            .WithSummary("Referral partners, each with its current signed referral link (the link is the partner's key: admins only)")),
        HttpFunction.For("CaseloadPartner", "PUT", "caseload/partners/{code}", ReferralPages.SavePartnerAsync, b => b.RequireStaff(StaffRole.Admin).Accepts<PartnerInput>("application/json")
            .Produces<PartnerLink>().ProducesValidationProblem().ProducesProblem(415)
            .WithSummary("Name a referral partner (a new one gets its link), or stop (active false) or restart its referrals")),
        HttpFunction.For("CaseloadPartnerRevoke", "POST", "caseload/partners/{code}/revoke", ReferralPages.RevokeAsync, b => b.RequireStaff(StaffRole.Admin).Produces<PartnerLink>().ProducesProblem(404)
            .WithSummary("Revoke the partner's referral link: every link given out so far stops working; the answer carries the new one")),

        // A partner's referral link: the form (no account; the signed token is the key) and its submission, form or JSON.
        HttpFunction.For("ReferralForm", "GET", "referrals/{token}", ReferralPages.FormAsync, b => b.Produces(200, contentType: "text/html").ProducesProblem(404)
            .WithSummary("A partner's referral form (the link admins give the partner)")),
        HttpFunction.For("Referral", "POST", "referrals/{token}", ReferralPages.SubmitAsync, b => b.Accepts<ReferralInput>("application/json", "application/x-www-form-urlencoded")
            .Produces<ReferralAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Refer a person through a partner's link, with their agreement to be contacted; they land on the outreach triage list")),

        // Daily, working days (schedules are settings): the lead's list of people not contacted in time, and each
        // adviser's due actions and sustained-in-work checks.
        new TimerFunction("EmailUncontactedToLeads", "CASELOAD_UNCONTACTED_SCHEDULE", (services, _, ct) => services.GetRequiredService<UncontactedDigestJob>().RunAsync(ct)),
        new TimerFunction("EmailCaseloadActions", "CASELOAD_ACTIONS_SCHEDULE", (services, _, ct) => services.GetRequiredService<CaseloadActionsJob>().RunAsync(ct)),
    ];

    private static RouteHandlerBuilder Person(RouteHandlerBuilder builder, string action) =>
        builder.RequireStaff(Advisers).AuditPersonAccess(action).ProducesProblem(StatusCodes.Status404NotFound);

    private static RouteHandlerBuilder Edit(RouteHandlerBuilder builder, string action) =>
        Person(builder, action).Produces<CaseRecord>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
