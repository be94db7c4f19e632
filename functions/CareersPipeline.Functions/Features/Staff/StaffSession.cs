using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// Local mode only: the session the development sign-in page starts, as an ASP.NET Core authentication cookie (protected
/// by Data Protection, HttpOnly, SameSite=Lax). It ends after <see cref="IdleTimeout"/> without a request (sliding), or on
/// sign-out. In Azure, App Service Authentication keeps the session and this scheme is never registered.
/// </summary>
public static class StaffSession
{
    public const string Scheme = "StaffSession";
    public const string SubjectClaim = "sub";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static AuthenticationBuilder AddStaffSession(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "careers-staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // local mode is plain HTTP on loopback
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;

            // The pages decide what an anonymous person sees (StaffPages); the handler never redirects on its own.
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });

    public static Task SignInAsync(HttpContext context, string subjectId) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(SubjectClaim, subjectId)], Scheme)));

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in subject, when the cookie is there and still valid (reading it also slides its expiry).</summary>
    public static async Task<string?> SubjectAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? result.Principal.FindFirstValue(SubjectClaim) : null;
    }
}
