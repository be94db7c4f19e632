namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// FNV-1a (32-bit) over a string's characters. Unlike string.GetHashCode it is the same in every process and every
/// version, so it can decide where something is stored: a site index shard, a sitemap part.
/// </summary>
public static class StableHash
{
    public static uint Of(ReadOnlySpan<char> value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
