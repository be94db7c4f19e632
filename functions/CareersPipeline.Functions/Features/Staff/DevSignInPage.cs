using System.Security.Claims;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// Local mode only: a developer chooses a seeded member of staff and gets a session cookie (<see cref="StaffSession"/>),
/// or sends the X-Dev-User header instead. Never mapped in hosted mode, where App Service Authentication signs people in.
/// </summary>
public static class DevSignInPage
{
    public const string Path = "/dev/sign-in";
    public const string SignOutPath = "/dev/sign-out";

    public static void MapDevSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ShowAsync).ExcludeFromDescription();
        endpoints.MapPost(Path, SignInAsync).ExcludeFromDescription().WithMetadata(new NotAPublicDoor());
        endpoints.MapPost(SignOutPath, SignOutAsync).ExcludeFromDescription().WithMetadata(new NotAPublicDoor());
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string? returnUrl, StaffDirectory directory, IAntiforgery antiforgery, CancellationToken ct) =>
        await PageAsync(http, directory, antiforgery, returnUrl, null, StatusCodes.Status200OK, ct);

    private static async Task<IResult> SignInAsync(HttpContext http, StaffDirectory directory, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return StaffPages.FormExpired(http);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var returnUrl = form["returnUrl"].ToString();
        var staff = await directory.FindAsync(form["subjectId"].ToString(), ct);
        if (staff is null)
        {
            return await PageAsync(http, directory, antiforgery, returnUrl, "Choose a member of staff from the list.", StatusCodes.Status400BadRequest, ct);
        }

        await StaffSession.SignInAsync(http, staff.SubjectId);
        return StaffHtml.SeeOther(http, StaffHtml.IsLocalPath(returnUrl) ? returnUrl : "/staff/");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        // The sign-out button's token was made for the signed-in person, so it is checked as them.
        if (await StaffSession.SubjectAsync(http) is { } subject)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffSession.SubjectClaim, subject)], "staff"));
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return StaffPages.FormExpired(http);
        }

        await StaffSession.SignOutAsync(http);
        return StaffHtml.SeeOther(http, Path);
    }

    private static async Task<IResult> PageAsync(HttpContext http, StaffDirectory directory, IAntiforgery antiforgery, string? returnUrl, string? error, int status, CancellationToken ct)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new LocalSignInPage(
            StaffAuthentication.DevUserHeader,
            await directory.ListAsync(ct),
            new Web.Pages.Staff.FormToken(tokens.FormFieldName, tokens.RequestToken!),
            StaffHtml.IsLocalPath(returnUrl) ? returnUrl : null,
            error);
        return new PageResult(page, status);
    }
}
