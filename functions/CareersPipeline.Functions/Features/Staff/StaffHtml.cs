using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages.Staff;
using Microsoft.AspNetCore.Antiforgery;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// How a staff page answers: the page in the workspace's shell (name, navigation by role, sign-out, the form token), a
/// message page, or a redirect after a POST (post/redirect/get). Every staff page goes through here.
/// </summary>
public static class StaffHtml
{
    /// <summary>Where App Service Authentication signs people out (its own endpoint, in front of the app).</summary>
    public const string HostedSignOut = "/.auth/logout?post_logout_redirect_uri=/staff/";

    /// <summary>The page in the workspace's shell; the signed-in person comes from the page filter, when it ran.</summary>
    public static IResult Page(HttpContext http, StaffPage page, int statusCode = StatusCodes.Status200OK) =>
        new PageResult(page with { Shell = ShellOf(http) }, statusCode);

    public static IResult Message(HttpContext http, int statusCode, string heading, string message, StaffLink? next = null) =>
        Page(http, new StaffMessagePage(heading, message, next), statusCode);

    public static IResult NotFound(HttpContext http) =>
        Message(http, StatusCodes.Status404NotFound, "Page not found", "There is nothing here that you can see. It may have been removed, or it may belong to another organisation.", new StaffLink("/staff/", "Staff workspace home"));

    /// <summary>303 to a page of the workspace after a POST, so refreshing it never sends the form again. Local paths only.</summary>
    public static IResult SeeOther(HttpContext http, string path)
    {
        if (!IsLocalPath(path))
        {
            throw new ArgumentException("Only paths on this site.", nameof(path));
        }

        http.Response.Headers.Location = path;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A path on this site ("/staff/..."), never another origin ("//evil.example", "/\\evil.example", "https://...").</summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl);

    /// <summary>The navigation a member of staff's roles allow, from every workspace section; the section the request is in is marked current.</summary>
    public static IReadOnlyList<StaffLink> NavigationFor(StaffPrincipal staff, PathString path, IEnumerable<IStaffWorkspaceSection> sections)
    {
        var links = new List<StaffLink> { new(StaffFunctions.HomePath, "Home", path == "/staff" || path == StaffFunctions.HomePath) };
        foreach (var link in sections.Select(s => s.NavigationFor(staff)).OfType<StaffLink>())
        {
            links.Add(link with { Current = path.StartsWithSegments(link.Href) });
        }

        return links;
    }

    private static StaffShell ShellOf(HttpContext http)
    {
        if (StaffAccess.TryStaffOf(http) is not { } staff)
        {
            return StaffShell.SignedOut;
        }

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var local = http.RequestServices.GetRequiredService<RuntimeInfo>().Mode == RuntimeMode.Local;
        return new StaffShell(
            staff.DisplayName,
            NavigationFor(staff, http.Request.Path, http.RequestServices.GetServices<IStaffWorkspaceSection>()),
            local ? new StaffSignOut(DevSignInPage.SignOutPath, IsForm: true) : new StaffSignOut(HostedSignOut, IsForm: false),
            new FormToken(tokens.FormFieldName, tokens.RequestToken!));
    }
}
