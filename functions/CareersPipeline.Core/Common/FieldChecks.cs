using System.Globalization;

namespace CareersPipeline.Core;

/// <summary>
/// Field checks for the staff-facing validators (opportunities, levy transfers): each adds its message under the
/// field's name and returns null when the value is unusable, so every problem is reported at once.
/// </summary>
public static class FieldChecks
{
    public static string? Text(ValidationErrors errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "This is required.");
            }

            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            errors.Add(field, $"This must be {max} characters or fewer.");
            return null;
        }

        return trimmed;
    }

    /// <summary>A required email address, by <see cref="EmailAddresses.IsValid"/>.</summary>
    public static string? Email(ValidationErrors errors, string field, string? value)
    {
        var text = Text(errors, field, value, EmailAddresses.MaxLength, required: true);
        if (text is null)
        {
            return null;
        }

        if (!EmailAddresses.IsValid(text))
        {
            errors.Add(field, EmailAddresses.FormatMessage);
            return null;
        }

        return text;
    }

    public static DateOnly? Date(ValidationErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "This is required.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Write the date as YYYY-MM-DD.");
        return null;
    }

    public static TEnum? Enum<TEnum>(ValidationErrors errors, string field, string? value, bool required)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"This is required: one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            }

            return null;
        }

        var name = System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, $"'{(value.Length > 40 ? value[..40] : value)}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
            return null;
        }

        return System.Enum.Parse<TEnum>(name);
    }
}
