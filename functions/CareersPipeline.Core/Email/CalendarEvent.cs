namespace CareersPipeline.Core.Email;

/// <summary>
/// One event for a calendar file (<see cref="CalendarFile"/>). <paramref name="Uid"/> names the event for good: a
/// later file with the same Uid and a higher <paramref name="Sequence"/> moves it in the person's calendar rather than
/// adding a second. Times are instants, written in UTC.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTimeOffset Stamp,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string? Description = null,
    string? Location = null,
    string? Url = null);
