using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Privacy;

/// <summary>
/// Privacy and data protection: the notice, the person's own privacy links (consents, copy of their data, erasure,
/// equality monitoring), admin subject access, erasure, consents and audit, the equality aggregate, and retention.
/// Every staff endpoint about a person writes the audit trail first (<see cref="PersonAccessAuditFilter"/>).
/// </summary>
public static class PrivacyFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // Public, or by a signed link from an email
        HttpFunction.For("PrivacyManage", "GET", "privacy/manage", PrivacyPages.ManageAsync, b => Link(b)
            .Produces<ManageView>(200, "application/json", "text/html")
            .WithSummary("The page behind \"Manage your consent\" in every email")),
        HttpFunction.For("PrivacyWithdrawConsent", "POST", "privacy/consents/{purpose}/withdraw", PrivacyPages.WithdrawAsync, b => Link(b)
            .Produces<WithdrawResponse>(200, "application/json", "text/html").ProducesProblem(403)
            .WithSummary("Withdraw a consent by the privacy link; takes effect at once")),
        HttpFunction.For("PrivacyMyData", "GET", "privacy/my-data", PrivacyPages.MyDataAsync, b => Link(b)
            .Produces<SubjectAccessExport>(200, "application/json", "text/html").ProducesProblem(403)
            .WithSummary("Subject access by the privacy link: everything held about the person (format=json or html)")),
        HttpFunction.For("PrivacyErase", ["GET", "POST"], "privacy/erase", PrivacyPages.EraseAsync, b => Link(b)
            .Produces<ErasureResponse>(200, "application/json", "text/html").ProducesProblem(403)
            .WithSummary("Erasure by the privacy link: GET shows a confirmation, POST erases")),
        HttpFunction.For("PrivacySignOutEverywhere", "POST", "privacy/sign-out-everywhere", PrivacyPages.SignOutEverywhereAsync, b => Link(b)
            .Produces<StatusResponse>(200, "application/json", "text/html").ProducesProblem(403)
            .WithSummary("Revoke every link sent about the person (the privacy link's holder)")),
        HttpFunction.For("EqualityMonitoring", ["GET", "POST"], "signups/{applicantId}/equality", EqualityPages.HandleAsync, b => Link(b)
            .Accepts<EqualityRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<StatusResponse>(200, "application/json", "text/html").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(415)
            .WithSummary("Optional equality monitoring answers, by a signed link (every answer optional, \"PreferNotToSay\" allowed)")),

        // Staff
        HttpFunction.For("ManagePersonExport", "GET", "manage/people/{applicantId}/export", ExportAsync, b => b.RequireStaff(StaffRole.Admin)
            .AuditPersonAccess(PersonAccessActions.Export).Produces<SubjectAccessExport>(200, "application/json", "text/html").ProducesProblem(404)
            .WithSummary("Subject access: everything held about the person (all their sign-ups), as JSON or format=html")),
        HttpFunction.For("ManagePersonErase", "DELETE", "manage/people/{applicantId}", EraseAsync, b => b.RequireStaff(StaffRole.Admin)
            .AuditPersonAccess(PersonAccessActions.Erase).Produces<ErasureResponse>(200).ProducesProblem(404)
            .WithSummary("Erase the person everywhere, keeping only anonymous counts")),
        HttpFunction.For("ManagePersonAudit", "GET", "manage/people/{applicantId}/audit", AuditAsync, b => b.RequireStaff(StaffRole.Admin)
            .AuditPersonAccess(PersonAccessActions.ReadAudit).Produces<IReadOnlyList<AuditEntry>>(200).ProducesProblem(404)
            .WithSummary("Who on the staff looked at or changed the person's records, when, and what they did")),
        HttpFunction.For("ManagePersonConsents", "GET", "manage/people/{applicantId}/consents", ConsentsAsync, b => b.RequireStaff(StaffRole.Admin, StaffRole.Adviser)
            .AuditPersonAccess(PersonAccessActions.ReadConsents).Produces<PersonConsents>(200).ProducesProblem(404)
            .WithSummary("The person's consents: current state and history")),
        HttpFunction.For("ManagePersonConsentChange", "POST", "manage/people/{applicantId}/consents/{purpose}", ChangeConsentAsync, b => b.RequireStaff(StaffRole.Admin, StaffRole.Adviser)
            .AuditPersonAccess(PersonAccessActions.ChangeConsent).Accepts<StaffConsentChange>("application/json").Produces<StaffConsentChanged>(200)
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(415)
            .WithSummary("Record a consent given to staff, or withdraw one ({\"granted\": false}); takes effect at once")),
        HttpFunction.For("ManageEqualitySummary", "GET", "manage/equality/summary", SummaryAsync, b => b.RequireStaff(StaffRole.Admin)
            .Produces<EqualitySummary>(200)
            .WithSummary("Equality monitoring, aggregated: counts under 5 shown as \"<5\", and \"*\" where a count is hidden so a small one cannot be worked out")),

        new TimerFunction("PrivacyRetention", "PRIVACY_RETENTION_SCHEDULE", (services, _, ct) => services.GetRequiredService<PrivacyRetentionJob>().RunAsync(ct)),
    ];

    private static RouteHandlerBuilder Link(RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<IResult> ExportAsync(HttpRequest request, string applicantId, string? format, SubjectAccessService access, CancellationToken ct) =>
        await access.ExportAsync(applicantId, SubjectAccessAudience.Staff, ct) is { } export
            ? PrivacyPages.Export(request, export, applicantId, format)
            : NotFound();

    private static async Task<IResult> EraseAsync(HttpContext context, string applicantId, PersonErasure erasure, CancellationToken ct) =>
        await erasure.EraseAsync(applicantId, ErasureReason.StaffRequest, StaffAccess.StaffOf(context), ct) is { } outcome
            ? TypedResults.Ok(new ErasureResponse(outcome.Reference, outcome.People, outcome.Items, outcome.ErasedAt))
            : NotFound();

    private static async Task<IResult> AuditAsync(string applicantId, PersonResolver resolver, PersonAccessAudit audit, CancellationToken ct) =>
        await resolver.ResolveAsync(applicantId, ct) is { } person
            ? TypedResults.Ok(await audit.ListAsync(person.ApplicantIds, ct))
            : NotFound();

    private static async Task<IResult> ConsentsAsync(string applicantId, PersonResolver resolver, ConsentLedger consents, CancellationToken ct)
    {
        if (await resolver.ResolveAsync(applicantId, ct) is not { } person)
        {
            return NotFound();
        }

        foreach (var applicant in person.Applicants)
        {
            await consents.EnsureGuardianConsentRecordedAsync(applicant, ct);
        }

        return TypedResults.Ok(new PersonConsents(
            [.. (await consents.CurrentAsync(person.PersonKey, ct)).Values.OrderBy(c => c.Purpose)],
            await consents.HistoryAsync(person.PersonKey, ct)));
    }

    private static async Task<IResult> ChangeConsentAsync(HttpContext context, string applicantId, string purpose, PrivacyStaffService service, CancellationToken ct)
    {
        if (!Enum.TryParse<ConsentPurpose>(purpose, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(purpose, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown consent", detail: $"Use one of: {string.Join(", ", Enum.GetNames<ConsentPurpose>())}.");
        }

        var (body, problem) = await JsonBody.ReadAsync<StaffConsentChange>(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var changed = await service.ChangeConsentAsync(applicantId, parsed, body!.Granted, body.WordingVersion, StaffAccess.StaffOf(context), ct);
        return changed.ToHttp(invalidTitle: "The consent change needs correcting");
    }

    private static async Task<IResult> SummaryAsync(EqualityAggregator aggregator, CancellationToken ct) =>
        TypedResults.Ok(await aggregator.SummariseAsync(ct));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: PrivacyStaffService.NotHeld);
}

/// <summary>A consent change made by staff: <c>granted</c> true to record a consent (with the wording version read out), false to withdraw.</summary>
public sealed record StaffConsentChange(bool? Granted, string? WordingVersion);

public sealed record PersonConsents(IReadOnlyList<ConsentView> Current, IReadOnlyList<ConsentView> History);

public sealed record WithdrawResponse(ConsentPurpose Purpose, WithdrawOutcome Outcome);

/// <summary>The shape of a subject access export, for the OpenAPI document: <c>data</c> has a section per source of personal data.</summary>
public sealed record SubjectAccessExport(DateTimeOffset GeneratedAt, string Controller, string About, string PrivacyNotice, SubjectAccessAudience Audience, IReadOnlyDictionary<string, object> Data);
