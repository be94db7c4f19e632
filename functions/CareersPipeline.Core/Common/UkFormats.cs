using System.Text.RegularExpressions;

namespace CareersPipeline.Core;

/// <summary>UK postcode and phone formats, normalised to the canonical form the rest of the system stores.</summary>
public static partial class UkFormats
{
    /// <summary>"ST4 6QG" from " st46qg ", or null when it is not a UK postcode (including GIR 0AA).</summary>
    public static string? NormalisePostcode(string input)
    {
        var compact = WhitespaceRegex().Replace(input, string.Empty).ToUpperInvariant();
        if (!PostcodeRegex().IsMatch(compact))
        {
            return null;
        }

        return string.Concat(compact.AsSpan(0, compact.Length - 3), " ", compact.AsSpan(compact.Length - 3));
    }

    /// <summary>"+447700900123" from "07700 900123" or "+44 (0)7700-900123", or null when it is not a UK number.</summary>
    public static string? NormalisePhone(string input)
    {
        var compact = PhoneSeparatorsRegex().Replace(input, string.Empty);
        compact = compact.Replace("(0)", string.Empty, StringComparison.Ordinal);
        string national;
        if (compact.StartsWith("+44", StringComparison.Ordinal))
        {
            national = compact[3..];
        }
        else if (compact.StartsWith("0044", StringComparison.Ordinal))
        {
            national = compact[4..];
        }
        else if (compact.StartsWith('0'))
        {
            national = compact[1..];
        }
        else
        {
            return null;
        }

        return NationalNumberRegex().IsMatch(national) ? "+44" + national : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"[\s\-\.]")]
    private static partial Regex PhoneSeparatorsRegex();

    // Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA), as published by Royal Mail.
    [GeneratedRegex(@"^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$")]
    private static partial Regex PostcodeRegex();

    // Geographic (01, 02), non-geographic (03), mobile (07) and freephone (0800/0808) numbers.
    [GeneratedRegex(@"^(?:[123][0-9]{8,9}|7[0-9]{9}|80[08][0-9]{6,7})\z")]
    private static partial Regex NationalNumberRegex();
}
