using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The calendar entry sent with an interview invitation. Employers give the date and time as UK clock time; the file
/// carries the instant in UTC. One Uid per application's interview, so a new time sent later (a higher Sequence: the
/// application's) moves the entry in the person's calendar instead of adding a second one.
/// </summary>
public static class InterviewCalendar
{
    /// <summary>An invitation gives no length; an hour is what the person's calendar blocks out.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static CalendarEvent For(JobApplication application, string host, string statusUrl)
    {
        var interview = application.Interview ?? throw new InvalidOperationException("The application has no interview.");
        var start = StartOf(interview);
        var description = interview.WhatToBring is { } bring
            ? $"Interview for {application.OpportunityTitle} at {application.EmployerName}.\nWhat to bring: {bring}"
            : $"Interview for {application.OpportunityTitle} at {application.EmployerName}.";
        return new CalendarEvent(
            Uid: $"{application.Id}-interview@{host}",
            Sequence: application.Sequence,
            Stamp: application.UpdatedAt,
            Start: start,
            End: start + Length,
            Summary: $"Interview: {application.OpportunityTitle}, {application.EmployerName}",
            Description: description + "\nAccept this time, or ask for another, on your applications page.",
            Location: interview.VideoLink ?? interview.Place,
            Url: statusUrl);
    }

    /// <summary>The interview's UK clock time as an instant (a time the clocks skip is taken as after the change).</summary>
    public static DateTimeOffset StartOf(InterviewInvitation interview)
    {
        var local = interview.Date.ToDateTime(interview.Time, DateTimeKind.Unspecified);
        if (UkTime.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, UkTime.GetUtcOffset(local));
    }
}
