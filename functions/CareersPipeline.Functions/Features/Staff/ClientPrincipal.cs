using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// The X-MS-CLIENT-PRINCIPAL header that App Service Authentication injects after signing a user in with Entra ID:
/// base64 JSON <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>. The platform strips any
/// copy sent by a client, which is why it is only trusted in hosted mode.
/// </summary>
public sealed record ClientPrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<ClientPrincipalClaim>? Claims)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    private static readonly string[] SubjectClaimTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>Where Entra ID puts the sign-in address, most specific first (see docs/security.md on trusting it).</summary>
    public static readonly string[] EmailClaimTypes =
    [
        "preferred_username", "email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    public static ClientPrincipal? Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The Entra ID object id: stable per user and tenant, unlike names and emails.</summary>
    public string? SubjectId => Claims?.FirstOrDefault(c => SubjectClaimTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase))?.Value;

    /// <summary>The sign-in email address, used only to match an invitation or a bootstrap admin at first sign-in.</summary>
    public string? Email => EmailClaimTypes
        .Select(type => Claims?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value)
        .FirstOrDefault(value => value is not null && value.Contains('@', StringComparison.Ordinal));
}

public sealed record ClientPrincipalClaim([property: JsonPropertyName("typ")] string Type, [property: JsonPropertyName("val")] string Value);
