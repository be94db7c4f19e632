using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// Whether App Service Authentication (Easy Auth) is on for this app. App Service puts WEBSITE_AUTH_ENABLED=True in the
/// app's environment when it is; only then does the platform sign users in and strip any X-MS-CLIENT-PRINCIPAL a client
/// sent, so only then is that header evidence of anyone (docs/security.md cites the sources).
/// </summary>
public static partial class AppServiceAuthentication
{
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static bool IsEnabled(IConfiguration configuration) =>
        string.Equals(configuration[EnabledSetting], "true", StringComparison.OrdinalIgnoreCase);

    public static bool BearerTokensConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["ENTRA_AUTHORITY"]) && !string.IsNullOrWhiteSpace(configuration["ENTRA_AUDIENCE"]);

    /// <summary>Hosted with no way to sign staff in: every staff route answers 401, and the log says why, once.</summary>
    public static void ReportStaffSignIn(WebApplication app, RuntimeMode mode)
    {
        if (mode == RuntimeMode.Hosted && !IsEnabled(app.Configuration) && !BearerTokensConfigured(app.Configuration))
        {
            StaffSignInOff(app.Logger, EnabledSetting);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in is off: App Service Authentication is not enabled for this app ({Setting} is not True) and Entra bearer tokens are not configured (ENTRA_AUTHORITY, ENTRA_AUDIENCE). Every staff route answers 401. Deploy with ENTRA_CLIENT_ID set (docs/deploy.md).")]
    private static partial void StaffSignInOff(ILogger logger, string setting);
}
