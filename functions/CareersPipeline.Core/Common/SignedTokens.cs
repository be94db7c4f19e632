using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core;

public sealed class SigningOptions
{
    /// <summary>HMAC key for links in emails and for id derivation. Required outside local mode.</summary>
    public string Key { get; set; } = string.Empty;
}

/// <summary>
/// Expiring, tamper-proof tokens for links sent by email (verify an address, give guardian consent).
/// Format: base64url("{purpose}|{subject}|{expiresUnixSeconds}") + "." + base64url(HMAC-SHA256).
/// </summary>
public sealed class SignedTokens(IOptions<SigningOptions> options, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Key);

    public string Create(string purpose, string subject, TimeSpan lifetime)
    {
        var expires = time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{subject}|{expires}");
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public TokenCheck Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return TokenCheck.Invalid;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadPart);
            signature = Base64Url.DecodeFromChars(signaturePart);
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return TokenCheck.Invalid;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[2], out var expires))
        {
            return TokenCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expires
            ? TokenCheck.Expired(parts[1])
            : TokenCheck.Valid(parts[1]);
    }

    /// <summary>A stable keyed hash, so ids derived from personal data cannot be guessed from it.</summary>
    public string KeyedHash(string value, int bytes = 12) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)).AsSpan(0, bytes));
}

public sealed record TokenCheck(TokenState State, string? Subject)
{
    public static TokenCheck Invalid { get; } = new(TokenState.Invalid, null);

    public static TokenCheck Valid(string subject) => new(TokenState.Valid, subject);

    public static TokenCheck Expired(string subject) => new(TokenState.Expired, subject);
}

public enum TokenState
{
    Valid,
    Expired,
    Invalid,
}
