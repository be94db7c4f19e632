using System.Globalization;
using System.Text;

namespace CareersPipeline.Core.Email;

/// <summary>
/// Writes an iCalendar (RFC 5545) file: METHOD:PUBLISH (an entry to add, not a meeting request that expects a reply,
/// since the person answers on their applications page), times in UTC, text escaped, lines ended with CRLF and folded
/// at 75 octets without splitting a UTF-8 character.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8; method=PUBLISH";

    private const int MaxOctets = 75;

    public static string Write(CalendarEvent calendarEvent, string productId = "-//CareersPipeline//Applications//EN")
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + Escape(productId),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Escape(calendarEvent.Uid),
            "SEQUENCE:" + calendarEvent.Sequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(calendarEvent.Stamp),
            "DTSTART:" + Utc(calendarEvent.Start),
            "DTEND:" + Utc(calendarEvent.End),
            "SUMMARY:" + Escape(calendarEvent.Summary),
        };
        if (calendarEvent.Description is { Length: > 0 } description)
        {
            lines.Add("DESCRIPTION:" + Escape(description));
        }

        if (calendarEvent.Location is { Length: > 0 } location)
        {
            lines.Add("LOCATION:" + Escape(location));
        }

        if (calendarEvent.Url is { Length: > 0 } url)
        {
            // A URI value, not TEXT: written as it is (RFC 5545 3.3.13), only stripped of what would break the line.
            lines.Add("URL:" + url.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
        }

        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var file = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, file);
        }

        return file.ToString();
    }

    public static EmailAttachment Attachment(CalendarEvent calendarEvent, string fileName = "invite.ics") =>
        new(fileName, ContentType, Encoding.UTF8.GetBytes(Write(calendarEvent)));

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lines of more than 75 octets continue on the next line after CRLF and one space (RFC 5545 3.1).</summary>
    private static void Fold(string line, StringBuilder file)
    {
        var octets = 0;
        var limit = MaxOctets;
        for (var i = 0; i < line.Length; i++)
        {
            // A surrogate pair is one character of four octets: never split it.
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                file.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // The leading space counts.
            }

            file.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        file.Append("\r\n");
    }
}
