using System.Globalization;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>Field checks shared by the pledge and application validators; each adds its message and returns null when the value is unusable.</summary>
internal static class LevyFields
{
    /// <summary>A sum of money in whole pounds within the bounds.</summary>
    public static decimal? Pounds(ValidationErrors errors, string field, decimal? value, decimal min, decimal max, string rangeMessage)
    {
        if (value is null)
        {
            errors.Add(field, "This is required.");
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(field, rangeMessage);
            return null;
        }

        if (decimal.Truncate(value.Value) != value.Value)
        {
            errors.Add(field, "Give the amount in whole pounds.");
            return null;
        }

        return value;
    }

    /// <summary>Two sets of field errors as one, so a 400 lists them all.</summary>
    public static IReadOnlyDictionary<string, string[]> With(this IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]> more)
    {
        var merged = errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        foreach (var (field, messages) in more)
        {
            merged[field] = merged.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }

        return merged;
    }

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>Money as people read it in emails and messages: £10,000 or £1,234.50.</summary>
public static class LevyMoney
{
    public static string Format(decimal amount) =>
        "£" + amount.ToString(decimal.Truncate(amount) == amount ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}
