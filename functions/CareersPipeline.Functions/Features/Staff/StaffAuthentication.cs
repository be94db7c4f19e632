using System.Security.Claims;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// Finds out who is calling a staff endpoint, from the first of:
/// 1. App Service Authentication's X-MS-CLIENT-PRINCIPAL header (hosted mode, and only when App Service Authentication
///    is on for this app, WEBSITE_AUTH_ENABLED=True: only then does the platform strip a client's own copy);
/// 2. an Entra ID bearer token, validated against ENTRA_AUTHORITY and ENTRA_AUDIENCE (for API clients);
/// 3. the development sign-in header X-Dev-User, or the session cookie the development sign-in page sets
///    (<see cref="StaffSession"/>): local mode only, so neither can ever be enabled in Azure.
/// It returns the subject id; what that subject may do is the staff directory's business.
/// </summary>
public static class StaffAuthentication
{
    public const string DevUserHeader = "X-Dev-User";

    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder, RuntimeMode mode)
    {
        var authority = builder.Configuration["ENTRA_AUTHORITY"];
        var audience = builder.Configuration["ENTRA_AUDIENCE"];
        var authentication = builder.Services.AddAuthentication();
        if (!string.IsNullOrWhiteSpace(authority) && !string.IsNullOrWhiteSpace(audience))
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = authority;
                o.Audience = audience;
                o.MapInboundClaims = false;
                // Only a loopback authority (a test's fake identity provider) may be plain HTTP.
                o.RequireHttpsMetadata = !new Uri(authority).IsLoopback;
            });
        }

        if (mode == RuntimeMode.Local)
        {
            authentication.AddStaffSession();
        }

        return builder;
    }

    public static async Task<string?> SubjectAsync(HttpContext context) => (await SignInAsync(context))?.SubjectId;

    /// <summary>The subject and, when the sign-in carries one, its email address (the development header has none).</summary>
    public static async Task<StaffSignIn?> SignInAsync(HttpContext context)
    {
        var mode = context.RequestServices.GetRequiredService<RuntimeInfo>().Mode;
        if (mode == RuntimeMode.Hosted && AppServiceAuthentication.IsEnabled(context.RequestServices.GetRequiredService<IConfiguration>())
            && ClientPrincipal.Decode(context.Request.Headers[ClientPrincipal.HeaderName]) is { SubjectId: { } subject } principal)
        {
            return new StaffSignIn(subject, principal.Email);
        }

        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && AppServiceAuthentication.BearerTokensConfigured(context.RequestServices.GetRequiredService<IConfiguration>()))
        {
            var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded || (result.Principal.FindFirstValue("oid") ?? result.Principal.FindFirstValue("sub")) is not { } tokenSubject)
            {
                return null;
            }

            var email = ClientPrincipal.EmailClaimTypes.Select(result.Principal.FindFirstValue).FirstOrDefault(v => v is not null && v.Contains('@', StringComparison.Ordinal));
            return new StaffSignIn(tokenSubject, email);
        }

        if (mode == RuntimeMode.Local && context.Request.Headers[DevUserHeader].ToString() is { Length: > 0 } devUser)
        {
            return new StaffSignIn(devUser, null);
        }

        // The development sign-in cookie (local mode only) names a seeded member of staff, with no email.
        return mode == RuntimeMode.Local && await StaffSession.SubjectAsync(context) is { } sessionSubject ? new StaffSignIn(sessionSubject, null) : null;
    }
}
