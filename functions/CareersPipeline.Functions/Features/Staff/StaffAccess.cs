using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// <c>.RequireStaff(roles)</c> on an endpoint: 401 problem when nobody is signed in, 403 when the person is not in
/// the staff directory or has none of the roles. Handlers then read <see cref="StaffOf"/> and check organisation
/// scope with <see cref="StaffPrincipal.CanActFor"/>.
/// </summary>
public static class StaffAccess
{
    private const string ItemKey = "CareersPipeline.Staff";

    public static RouteHandlerBuilder RequireStaff(this RouteHandlerBuilder builder, params StaffRole[] roles) =>
        builder.WithMetadata(new NotAPublicDoor()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var signIn = await StaffAuthentication.SignInAsync(http);
            if (signIn is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in required", detail: "This is a staff endpoint: sign in with your organisation account.");
            }

            var staff = await http.RequestServices.GetRequiredService<StaffDirectory>().SignInAsync(signIn, http.RequestAborted);
            if (staff is null || !staff.IsInAnyRole(roles))
            {
                return Forbidden($"This needs one of these roles: {string.Join(", ", roles)}.");
            }

            Remember(http, staff);
            return await next(context);
        })
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Keeps the signed-in member of staff for the handler (<see cref="StaffOf"/>); the filters call it once they have checked.</summary>
    internal static void Remember(HttpContext context, StaffPrincipal staff) => context.Items[ItemKey] = staff;

    /// <summary>The member of staff a filter let through; null on a page no filter guards (or that it refused).</summary>
    public static StaffPrincipal? TryStaffOf(HttpContext context) => context.Items[ItemKey] as StaffPrincipal;

    public static StaffPrincipal StaffOf(HttpContext context) =>
        context.Items[ItemKey] as StaffPrincipal ?? throw new InvalidOperationException("The endpoint has no RequireStaff filter.");

    public static IResult Forbidden(string detail) => ResultResponses.Forbidden(detail);
}
