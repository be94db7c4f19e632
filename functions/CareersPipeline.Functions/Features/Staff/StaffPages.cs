using System.Security.Claims;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages.Staff;
using Microsoft.AspNetCore.Antiforgery;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// <c>.RequireStaffPage(roles)</c> on a staff page: the pages' counterpart of <see cref="StaffAccess.RequireStaff"/>, with
/// the same sign-in and directory, answering people rather than programs. Nobody signed in: locally, to the development
/// sign-in and back (GET only); in Azure a 401 page (App Service Authentication signs people in before they reach the
/// app when it is on). Not staff, or not in one of the roles: a 403 page. Every POST must carry its form's antiforgery
/// token (a 400 page otherwise), checked before the handler runs.
/// </summary>
public static class StaffPages
{
    public static RouteHandlerBuilder RequireStaffPage(this RouteHandlerBuilder builder, params StaffRole[] roles) =>
        builder.WithMetadata(new NotAPublicDoor()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // The same sign-in as the API's (StaffAccess), so an invited person or the first admin is matched on their first page too.
            var signIn = await StaffAuthentication.SignInAsync(http);
            if (signIn is null)
            {
                return SignInFirst(http);
            }

            var staff = await http.RequestServices.GetRequiredService<StaffDirectory>().SignInAsync(signIn, http.RequestAborted);
            if (staff is null || !staff.IsInAnyRole(roles))
            {
                return StaffHtml.Message(http, StatusCodes.Status403Forbidden, "You cannot use this page", staff is null
                    ? "You are signed in, but not as a member of staff of this service. Ask an administrator to add you."
                    : "Your roles do not include this page. Ask an administrator if you need it.");
            }

            // Antiforgery tokens are bound to the signed-in person: a token from someone else's page does not pass.
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffSession.SubjectClaim, staff.SubjectId)], "staff"));
            StaffAccess.Remember(http, staff);
            if (HttpMethods.IsPost(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return FormExpired(http);
            }

            return await next(context);
        });

    /// <summary>400: a form posted without its antiforgery token, with someone else's, or after the token's cookie expired.</summary>
    public static IResult FormExpired(HttpContext http) =>
        StaffHtml.Message(http, StatusCodes.Status400BadRequest, "This form has expired", "Nothing was saved. Go back, reload the page and send the form again.");

    private static IResult SignInFirst(HttpContext http)
    {
        var local = http.RequestServices.GetRequiredService<RuntimeInfo>().Mode == RuntimeMode.Local;
        if (local && HttpMethods.IsGet(http.Request.Method))
        {
            var back = http.Request.Path + http.Request.QueryString;
            return TypedResults.Redirect($"{DevSignInPage.Path}?returnUrl={Uri.EscapeDataString(back)}");
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return StaffHtml.Message(http, StatusCodes.Status401Unauthorized, "Sign in to use the staff workspace", local
            ? "Sign in with the development sign-in page, then open this page again."
            : "Sign in with your organisation account, then open this page again.", local ? new StaffLink(DevSignInPage.Path, "Development sign-in") : null);
    }
}
