using System.Text;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Core.Tests.Features.Applications;

public sealed class CalendarFileTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Write_IsAVCalendarWithOneEvent_InUtc_WithCrLfLineEnds()
    {
        var file = CalendarFile.Write(new CalendarEvent("a1-interview@example.org", 3, Stamp, new DateTimeOffset(2027, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 7, 1, 11, 0, 0, TimeSpan.FromHours(1)), "Interview"));

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", file, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", file, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:a1-interview@example.org\r\n", file, StringComparison.Ordinal);
        Assert.Contains("\r\nSEQUENCE:3\r\n", file, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20261202T093000Z\r\n", file, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20270701T090000Z\r\n", file, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20270701T100000Z\r\n", file, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", file.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a;b,c\\d", "a\\;b\\,c\\\\d")]
    [InlineData("line one\nline two\r\nthree\rfour", "line one\\nline two\\nthree\\nfour")]
    [InlineData("plain: text", "plain: text")]
    public void Escape_TextValues(string text, string expected)
    {
        Assert.Equal(expected, CalendarFile.Escape(text));
    }

    [Fact]
    public void LongLines_AreFoldedAt75Octets_WithoutSplittingACharacter()
    {
        var summary = string.Concat(Enumerable.Repeat("Співбесіда 🙂 مقابلة ", 12));
        var file = CalendarFile.Write(new CalendarEvent("u", 1, Stamp, Stamp, Stamp.AddHours(1), summary));

        var lines = file.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var unfolded = file.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + summary + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(file)));
    }

    [Fact]
    public void AnInterview_IsUkClockTime_StableUid_AndTheApplicationsSequence()
    {
        var application = new JobApplication
        {
            Id = "o1-a0123456789abcdef",
            OpportunityId = "o1",
            EmployerCode = "UHNM",
            ApplicantId = "a1",
            PersonKey = "p1",
            FirstName = "Olena",
            LastName = "K",
            Email = "o@example.org",
            OpportunityTitle = "Healthcare support worker",
            EmployerName = "UHNM, Stoke",
            Sequence = 4,
            UpdatedAt = Stamp,
            Interview = new InterviewInvitation(new DateOnly(2027, 7, 1), new TimeOnly(10, 0), "Royal Stoke; main entrance", null, "Passport"),
        };

        var first = InterviewCalendar.For(application, "careers.example.org", "https://careers.example.org/api/applications?token=x");
        var winter = InterviewCalendar.StartOf(application.Interview with { Date = new DateOnly(2027, 1, 12) });
        var moved = InterviewCalendar.For(application with { Sequence = 6, Interview = application.Interview with { Time = new TimeOnly(14, 0) } }, "careers.example.org", "u");
        var file = CalendarFile.Write(first);

        Assert.Equal(new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero), first.Start.ToUniversalTime());
        Assert.Equal(first.Start + TimeSpan.FromHours(1), first.End);
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero), winter.ToUniversalTime());
        Assert.Equal("o1-a0123456789abcdef-interview@careers.example.org", first.Uid);
        Assert.Equal(first.Uid, moved.Uid);
        Assert.Equal(6, moved.Sequence);
        Assert.Contains("LOCATION:Royal Stoke\\; main entrance\r\n", file, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Interview: Healthcare support worker\\, UHNM\\, Stoke\r\n", file, StringComparison.Ordinal);
    }
}
