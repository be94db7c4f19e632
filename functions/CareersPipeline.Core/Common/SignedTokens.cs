using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core;

public sealed class SigningOptions
{
    /// <summary>TOKEN_SIGNING_KEY: the secret every email link is signed with. Required outside local mode.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>
    /// TOKEN_SIGNING_KEY_PREVIOUS: keys used before the current one, comma-separated. Links they signed are still
    /// accepted (until they expire) so that rotating the key does not break links already in people's inboxes.
    /// </summary>
    public string? PreviousKeys { get; set; }
}

/// <summary>
/// Expiring, tamper-proof tokens for links sent by email (verify an address, give guardian consent, manage data).
/// Format: "{key id}.{base64url(purpose|subject|expiresUnixSeconds)}.{base64url(HMAC-SHA256)}".
/// The HMAC key is derived from the configured secret (HKDF, its own label), never the secret itself, and the key id
/// says which secret signed a token, so the secret can be rotated: new links use the current key while links signed
/// with a previous one keep working until they expire. Nothing else is derived from this key (ids are random), so a
/// rotation changes nothing but the links.
/// </summary>
public sealed class SignedTokens
{
    private readonly TimeProvider _time;
    private readonly SigningKey _current;
    private readonly Dictionary<string, SigningKey> _byId;

    public SignedTokens(IOptions<SigningOptions> options, TimeProvider time)
    {
        _time = time;
        _current = SigningKey.From(options.Value.Key);
        var all = new[] { _current }.Concat(
            (options.Value.PreviousKeys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SigningKey.From));
        _byId = all.DistinctBy(k => k.Id).ToDictionary(k => k.Id, StringComparer.Ordinal);
    }

    /// <summary>The id of the key new tokens are signed with: the first part of every token, never secret.</summary>
    public string CurrentKeyId => _current.Id;

    public string Create(string purpose, string subject, TimeSpan lifetime)
    {
        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes($"{purpose}|{subject}|{expires}");
        return $"{_current.Id}.{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(_current.Sign(payload))}";
    }

    public TokenCheck Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var keyId, var payloadPart, var signaturePart]
            || !_byId.TryGetValue(keyId, out var key))
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

        if (!CryptographicOperations.FixedTimeEquals(signature, key.Sign(payload)))
        {
            return TokenCheck.Invalid;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[2], out var expires))
        {
            return TokenCheck.Invalid;
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() > expires
            ? TokenCheck.Expired(parts[1])
            : TokenCheck.Valid(parts[1]);
    }

    private sealed record SigningKey(string Id, byte[] Hmac)
    {
        public static SigningKey From(string secret)
        {
            var hmac = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "careers-pipeline/link-signing"u8.ToArray());
            // The id names the key without revealing anything about it: a hash of the derived key, not of the secret.
            return new SigningKey(Convert.ToHexStringLower(SHA256.HashData(hmac).AsSpan(0, 4)), hmac);
        }

        public byte[] Sign(byte[] payload) => HMACSHA256.HashData(Hmac, payload);
    }
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
