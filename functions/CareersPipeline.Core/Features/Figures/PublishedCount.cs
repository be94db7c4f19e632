namespace CareersPipeline.Core.Features.Figures;

/// <summary>A count as it may be shown: its rounded value, or none when it is suppressed ("&lt;5", or "*" when hidden to protect another).</summary>
public sealed record PublishedCount(long? Value, string Text)
{
    public bool Suppressed => Value is null;
}
