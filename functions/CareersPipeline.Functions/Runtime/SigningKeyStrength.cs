using System.Text;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// TOKEN_SIGNING_KEY signs every email link and derives applicant ids, so in Azure it must be a real secret: not the
/// public development key and at least 32 bytes that look random (a base64 key from <c>openssl rand -base64 32</c>
/// decodes to 32 bytes; a text key needs 32 bytes and enough different characters not to be a repeated word).
/// </summary>
public static class SigningKeyStrength
{
    public const int MinimumBytes = 32;
    private const int MinimumDistinctBytes = 16;

    public static string? Weakness(string key, string developmentKey)
    {
        if (string.Equals(key, developmentKey, StringComparison.Ordinal))
        {
            return "TOKEN_SIGNING_KEY is the public development key; hosted mode needs a secret one (see docs/deploy.md).";
        }

        var bytes = Decoded(key);
        if (bytes.Length < MinimumBytes || bytes.Distinct().Count() < MinimumDistinctBytes)
        {
            return $"TOKEN_SIGNING_KEY is too weak: it needs at least {MinimumBytes} random bytes (for example `openssl rand -base64 32`).";
        }

        return null;
    }

    private static byte[] Decoded(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= MinimumBytes
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(key);
    }
}
