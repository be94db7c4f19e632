using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Applications;

/// <summary>
/// Applications: employers' applicant lists and moves under /api/employer, the person's side behind their signed link
/// under /api/applications (<see cref="ApplicationLinkPages"/>), and the queue that does what follows each change.
/// Handlers only translate HTTP; Core checks organisation scope (another organisation's application is 404).
/// </summary>
public static class ApplicationFunctions
{
    private static readonly StaffRole[] Employers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // Employers
        HttpFunction.For("ListApplicants", "GET", "employer/opportunities/{id}/applicants", ListAsync, b => Staff(b).Produces<ApplicantList>()
            .WithSummary("An opportunity's applicants, newest first, with counts by status")),
        HttpFunction.For("GetApplication", "GET", "employer/applications/{applicationId}", GetAsync, b => Staff(b).Produces<EmployerApplicationView>()
            .WithSummary("One application (recorded in the staff audit trail); its ETag is what a move's If-Match carries")),
        HttpFunction.For("MoveApplication", "POST", "employer/applications/{applicationId}/move", MoveAsync, b => Versioned(Staff(b)).Accepts<MoveInput>("application/json").Produces<JobApplication>()
            .WithSummary("Move to InReview, Shortlisted, or Unsuccessful (feedback required, sent to the person)")),
        HttpFunction.For("InviteToInterview", "POST", "employer/applications/{applicationId}/invite", InviteAsync, b => Versioned(Staff(b)).Accepts<InviteInput>("application/json").Produces<JobApplication>()
            .WithSummary("Invite to interview, or send a new time")),
        HttpFunction.For("MakeOffer", "POST", "employer/applications/{applicationId}/offer", OfferAsync, b => Versioned(Staff(b)).Accepts<OfferInput>("application/json").Produces<JobApplication>()
            .WithSummary("Make an offer, conditional or not")),
        HttpFunction.For("RecordStart", "POST", "employer/applications/{applicationId}/start", StartAsync, b => Versioned(Staff(b)).Accepts<StartInput>("application/json").Produces<JobApplication>()
            .WithSummary("Record the day the person started")),

        .. ApplicationLinkPages.Definitions,

        QueueFunction.For<ApplicationMessage>("FollowUpApplication", StorageNames.Queues.Applications, (services, message, ct) => services.GetRequiredService<ApplicationFollowUp>().HandleAsync(message, ct)),
        QueueFunction.For<ContinueApplicationMessage>("SendApplicationLink", StorageNames.Queues.ApplicationLinks, (services, message, ct) => services.GetRequiredService<ApplicationRequests>().HandleAsync(message, ct)),
    ];

    private static RouteHandlerBuilder Staff(RouteHandlerBuilder builder) =>
        builder.RequireStaff(Employers).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    /// <summary>Moves honour If-Match: 412 when the application changed since the ETag the caller read.</summary>
    private static RouteHandlerBuilder Versioned(RouteHandlerBuilder builder) => builder.ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static async Task<IResult> ListAsync(HttpContext context, string id, EmployerApplications service, CancellationToken ct) =>
        (await service.ListAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp();

    private static async Task<IResult> GetAsync(HttpContext context, string applicationId, EmployerApplications service, CancellationToken ct) =>
        (await service.GetAsync(StaffAccess.StaffOf(context), applicationId, "GetApplication", ct)).ToHttp(context);

    private static Task<IResult> MoveAsync(HttpContext context, string applicationId, EmployerApplications service, CancellationToken ct) =>
        ActAsync<MoveInput>(context, (staff, input, expected) => service.MoveAsync(staff, applicationId, input, expected, ct), ct);

    private static Task<IResult> InviteAsync(HttpContext context, string applicationId, EmployerApplications service, CancellationToken ct) =>
        ActAsync<InviteInput>(context, (staff, input, expected) => service.InviteAsync(staff, applicationId, input, expected, ct), ct);

    private static Task<IResult> OfferAsync(HttpContext context, string applicationId, EmployerApplications service, CancellationToken ct) =>
        ActAsync<OfferInput>(context, (staff, input, expected) => service.OfferAsync(staff, applicationId, input, expected, ct), ct);

    private static Task<IResult> StartAsync(HttpContext context, string applicationId, EmployerApplications service, CancellationToken ct) =>
        ActAsync<StartInput>(context, (staff, input, expected) => service.StartAsync(staff, applicationId, input, expected, ct), ct);

    private static async Task<IResult> ActAsync<TInput>(HttpContext context, Func<StaffPrincipal, TInput, Azure.ETag?, Task<Core.Result<Versioned<JobApplication>>>> act, CancellationToken ct)
        where TInput : class
    {
        var (input, problem) = await JsonBody.ReadAsync<TInput>(context.Request, ct);
        return problem ?? (await act(StaffAccess.StaffOf(context), input!, IfMatch.Of(context.Request))).ToHttp(context);
    }
}
