using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CareersPipeline.Core;

/// <summary>Reads flat app settings, failing at start-up with the setting's name when a value cannot be used.</summary>
public static class AppSettings
{
    public static int Positive(IConfiguration configuration, string setting, int fallback)
    {
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new InvalidOperationException($"The app setting {setting} ('{value}') must be a whole number greater than 0.");
    }

    public static bool Flag(IConfiguration configuration, string setting, bool fallback)
    {
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The app setting {setting} ('{value}') must be true or false.");
    }
}
