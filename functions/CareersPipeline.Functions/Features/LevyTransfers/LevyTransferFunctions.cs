using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.LevyTransfers;

/// <summary>
/// Levy transfers under /api/levy: levy payers pledge, other employers browse and apply, each side makes its own
/// decisions. Every endpoint needs an employer or admin; the core checks organisation scope (another employer's
/// pledge or application is 404; naming an employer you do not act for is 403). Handlers only translate HTTP.
/// </summary>
public static class LevyTransferFunctions
{
    private const string Prefix = "levy";
    private static readonly StaffRole[] Employers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // The pledge owner (or an admin)
        HttpFunction.For("LevyCreatePledge", "POST", $"{Prefix}/pledges", CreatePledgeAsync, b => Staff(b).Accepts<PledgeInput>("application/json").Produces<PledgeView>(StatusCodes.Status201Created).WithSummary("Pledge levy funds")),
        HttpFunction.For("LevyListPledges", "GET", $"{Prefix}/pledges", ListPledgesAsync, b => Staff(b).Produces<IReadOnlyList<PledgeView>>().WithSummary("Your employers' pledges (?employer=CODE)")),
        HttpFunction.For("LevyGetPledge", "GET", $"{Prefix}/pledges/{{id}}", GetPledgeAsync, b => Staff(b).Produces<PledgeView>()),
        HttpFunction.For("LevyClosePledge", "POST", $"{Prefix}/pledges/{{id}}/close", ClosePledgeAsync, b => Staff(b).Accepts<DecisionInput>("application/json").Produces<PledgeView>()),
        HttpFunction.For("LevyListPledgeApplications", "GET", $"{Prefix}/pledges/{{id}}/applications", ListPledgeApplicationsAsync, b => Staff(b).Produces<IReadOnlyList<ApplicationView>>()),

        // Receiving employers
        HttpFunction.For("LevyBrowsePledges", "GET", $"{Prefix}/open-pledges", BrowseAsync, b => Staff(b).Produces<IReadOnlyList<OpenPledgeView>>().WithSummary("Pledges open for applications")),
        HttpFunction.For("LevyGetOpenPledge", "GET", $"{Prefix}/open-pledges/{{id}}", GetOpenPledgeAsync, b => Staff(b).Produces<OpenPledgeView>()),
        HttpFunction.For("LevyApply", "POST", $"{Prefix}/pledges/{{id}}/applications", ApplyAsync, b => Staff(b).Accepts<ApplicationInput>("application/json").Produces<ApplicationView>(StatusCodes.Status201Created).WithSummary("Apply for funding from a pledge")),
        HttpFunction.For("LevyListApplications", "GET", $"{Prefix}/applications", ListApplicationsAsync, b => Staff(b).Produces<IReadOnlyList<ApplicationView>>().WithSummary("Your employers' applications (?employer=CODE)")),
        HttpFunction.For("LevyGetApplication", "GET", $"{Prefix}/applications/{{id}}", GetApplicationAsync, b => Staff(b).Produces<ApplicationView>()),

        // Decisions: the owner's, then the applicant's
        Act("LevyApproveApplication", "approve", ApplicationAction.Approve),
        Act("LevyRejectApplication", "reject", ApplicationAction.Reject),
        Act("LevyUndoApproval", "undo-approval", ApplicationAction.UndoApproval),
        Act("LevyAcceptFunding", "accept", ApplicationAction.Accept),
        Act("LevyDeclineFunding", "decline", ApplicationAction.Decline),
        Act("LevyWithdrawApplication", "withdraw", ApplicationAction.Withdraw),
        Act("LevyRecordFundsUsed", "funds-used", ApplicationAction.RecordFundsUsed),

        QueueFunction.For<LevyEmailMessage>("SendLevyEmail", StorageNames.Queues.LevyEmails, (services, message, ct) => services.GetRequiredService<LevyEmailHandler>().HandleAsync(message, ct)),
        new TimerFunction("LevyTransferDaily", "LEVY_TRANSFER_SCHEDULE", (services, _, ct) => services.GetRequiredService<LevyTransferDailyJob>().RunAsync(ct)),
        new TimerFunction("LevyPendingSummary", "LEVY_SUMMARY_SCHEDULE", (services, _, ct) => services.GetRequiredService<LevyPendingSummaryJob>().RunAsync(ct)),
    ];

    private static HttpFunction Act(string name, string verb, ApplicationAction action) =>
        HttpFunction.For(
            name,
            "POST",
            $"{Prefix}/applications/{{id}}/{verb}",
            (HttpContext context, string id, PledgeApplicationService service, CancellationToken ct) => ActAsync(context, id, action, service, ct),
            b => Staff(b).Accepts<DecisionInput>("application/json").Produces<ApplicationView>().ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .WithSummary(action == ApplicationAction.Reject ? "Reject (body: {\"reason\": \"...\"}, required)" : $"{action} (optional body: {{\"reason\": \"...\"}})")
                .WithDescription("Optional If-Match: the application's ETag (from GET); a stale one is 412 and nothing changes."));

    private static RouteHandlerBuilder Staff(RouteHandlerBuilder builder) =>
        builder.RequireStaff(Employers).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> CreatePledgeAsync(HttpContext context, PledgeService service, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<PledgeInput>(context.Request, ct);
        return problem ?? (await service.CreateAsync(StaffAccess.StaffOf(context), input!, ct)).ToHttp(p => $"/api/{Prefix}/pledges/{p.Id}");
    }

    private static async Task<IResult> ListPledgesAsync(HttpContext context, string? employer, PledgeService service, CancellationToken ct) =>
        (await service.ListAsync(StaffAccess.StaffOf(context), employer, ct)).ToHttp();

    private static async Task<IResult> GetPledgeAsync(HttpContext context, string id, PledgeService service, CancellationToken ct) =>
        (await service.GetAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp();

    private static async Task<IResult> ClosePledgeAsync(HttpContext context, string id, PledgeService service, CancellationToken ct)
    {
        var (reason, problem) = await ReasonAsync(context.Request, ct);
        return problem ?? (await service.CloseAsync(StaffAccess.StaffOf(context), id, reason, ct)).ToHttp();
    }

    private static async Task<IResult> ListPledgeApplicationsAsync(HttpContext context, string id, PledgeApplicationService service, CancellationToken ct) =>
        (await service.ListForPledgeAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp();

    private static async Task<IResult> BrowseAsync(PledgeService service, CancellationToken ct) =>
        TypedResults.Ok(await service.BrowseAsync(ct));

    private static async Task<IResult> GetOpenPledgeAsync(string id, PledgeService service, CancellationToken ct) =>
        (await service.GetOpenAsync(id, ct)).ToHttp();

    private static async Task<IResult> ApplyAsync(HttpContext context, string id, PledgeApplicationService service, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<ApplicationInput>(context.Request, ct);
        return problem ?? (await service.ApplyAsync(StaffAccess.StaffOf(context), id, input!, ct)).ToHttp(a => $"/api/{Prefix}/applications/{a.Id}");
    }

    private static async Task<IResult> ListApplicationsAsync(HttpContext context, string? employer, PledgeApplicationService service, CancellationToken ct) =>
        (await service.ListForApplicantAsync(StaffAccess.StaffOf(context), employer, ct)).ToHttp();

    private static async Task<IResult> GetApplicationAsync(HttpContext context, string id, PledgeApplicationService service, CancellationToken ct) =>
        (await service.FindAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp(context);

    private static async Task<IResult> ActAsync(HttpContext context, string id, ApplicationAction action, PledgeApplicationService service, CancellationToken ct)
    {
        var (reason, problem) = await ReasonAsync(context.Request, ct);
        return problem ?? (await service.ActAsync(StaffAccess.StaffOf(context), id, action, reason, IfMatch.Of(context.Request), ct)).ToHttp();
    }

    /// <summary>The optional reason of a decision: no body at all is fine; a body must be JSON.</summary>
    private static async Task<(string? Reason, IResult? Problem)> ReasonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return (null, null);
        }

        var (body, problem) = await JsonBody.ReadAsync<DecisionInput>(request, ct);
        return (body?.Reason, problem);
    }
}
