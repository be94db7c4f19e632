using CareersPipeline.Core;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>Admins managing staff (docs/administration.md). Changes carry the record's version in If-Match.</summary>
public static class StaffAdministrationFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("ManageStaffList", "GET", "manage/staff", ListAsync, b => Admin(b).Produces<IReadOnlyList<StaffMemberView>>()
            .WithSummary("Every member of staff and pending invitation, by name")),
        HttpFunction.For("ManageStaffInvite", "POST", "manage/staff/invitations", InviteAsync, b => Admin(b).Accepts<StaffInput>("application/json")
            .Produces<InvitationView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(415)
            .WithSummary("Invite someone by email with roles and organisations; they are matched at their first sign-in")),
        HttpFunction.For("ManageStaffGet", "GET", "manage/staff/{staffId}", GetAsync, b => Admin(b).Produces<StaffMemberView>().ProducesProblem(404)
            .WithSummary("One member of staff, with its version in ETag")),
        HttpFunction.For("ManageStaffChange", "PUT", "manage/staff/{staffId}", ChangeAsync, b => Versioned(Admin(b)).Accepts<StaffInput>("application/json")
            .Produces<StaffMemberView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415)
            .WithSummary("Change name, roles, organisations and active state (If-Match required; the last active admin stays)")),
        HttpFunction.For("ManageStaffDeactivate", "POST", "manage/staff/{staffId}/deactivate", DeactivateAsync, b => Versioned(Admin(b))
            .Produces<StaffMemberView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Deactivate: they can no longer sign in (If-Match required; never the last active admin)")),
    ];

    private static RouteHandlerBuilder Admin(RouteHandlerBuilder builder) => builder.RequireStaff(StaffRole.Admin);

    private static RouteHandlerBuilder Versioned(RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<IResult> ListAsync(StaffAdministration admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.ListAsync(ct)).Select(m => StaffMemberView.Of(m.Value, m.ETag.ToString())).ToList());

    private static async Task<IResult> GetAsync(HttpContext context, string staffId, StaffAdministration admin, CancellationToken ct) =>
        (await admin.GetAsync(staffId, ct)).ToVersionedHttp(context, StaffMemberView.Of);

    private static async Task<IResult> InviteAsync(HttpContext context, StaffAdministration admin, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<StaffInput>(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await admin.InviteAsync(StaffAccess.StaffOf(context), input!, ct);
        if (result is Result<InvitationOutcome>.Ok ok)
        {
            context.Response.Headers.ETag = ok.Value.Member.ETag.ToString();
        }

        return result.Map(o => new InvitationView(StaffMemberView.Of(o.Member.Value, o.Member.ETag.ToString()), o.Emailed))
            .ToHttp(v => $"/api/manage/staff/{v.Member.Id}");
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string staffId, StaffAdministration admin, CancellationToken ct)
    {
        if (!Versions.TryReadIfMatch(context.Request, out var version, out var missing))
        {
            return missing!;
        }

        var (input, problem) = await JsonBody.ReadAsync<StaffInput>(context.Request, ct);
        return problem ?? (await admin.ChangeAsync(staffId, version, input!, ct)).ToVersionedHttp(context, StaffMemberView.Of);
    }

    private static async Task<IResult> DeactivateAsync(HttpContext context, string staffId, StaffAdministration admin, CancellationToken ct) =>
        Versions.TryReadIfMatch(context.Request, out var version, out var missing)
            ? (await admin.DeactivateAsync(staffId, version, ct)).ToVersionedHttp(context, StaffMemberView.Of)
            : missing!;
}
