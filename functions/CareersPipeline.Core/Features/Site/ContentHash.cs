using System.Security.Cryptography;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// The content hash the publisher compares: MD5, base64, because that is the Content-MD5 Blob Storage keeps
/// for every blob we upload, so a listing of $web tells what changed without downloading anything. It is a
/// checksum of our own pages, not a security control.
/// </summary>
public static class ContentHash
{
#pragma warning disable CA5351 // MD5 is Blob Storage's own integrity hash; nothing here relies on it against an attacker.
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToBase64String(MD5.HashData(content));

    public static byte[] Bytes(string hash) => Convert.FromBase64String(hash);
#pragma warning restore CA5351

    /// <summary>A short hex form for file names (site.{hash}.css).</summary>
    public static string ForFileName(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..12];
}
