using Azure.Data.Tables;
using CareersPipeline.Core;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>
/// The daily caseload emails on Azurite with the clock moved to a known Tuesday: the lead's list of people not
/// contacted within 5 working days (weekends not counted), each adviser's due actions and sustained-in-work checks,
/// once per recipient per day, and no one's name in the logs. Staff and teams are new for each test, so the emails
/// other tests' cases would cause go to other people.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseloadEmailTests(AzuriteFixture storage) : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;
    private DateOnly _monday;

    private string Lead => $"lead-{_suffix}";

    private string Adviser => $"adviser-{_suffix}";

    private string Team => $"t-{_suffix}";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.WaitForStorageAsync();
        await StaffWithAddressAsync(Lead, lead: true);
        await StaffWithAddressAsync(Adviser, lead: false);

        // "Now" is 09:00 on the Tuesday of a week at least a week ahead, whatever day the tests run.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        _monday = today.AddDays(7 + (((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7));
        MoveTo(_monday.AddDays(1));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheLead_IsEmailedWhoWasNotContactedWithinFiveWorkingDays_WeekendsNotCounted_OncePerDay()
    {
        var late = await _app.PersonAsync(At(_monday.AddDays(-7)), firstName: $"Late{_suffix}");
        var recent = await _app.PersonAsync(At(_monday.AddDays(-3)), firstName: $"Recent{_suffix}");
        var overWeekend = await _app.PersonAsync(At(_monday.AddDays(-5)), firstName: $"Weekend{_suffix}"); // Wednesday: 6 days, 4 working
        var engaged = await _app.PersonAsync(At(_monday.AddDays(-7)), firstName: $"Engaged{_suffix}");
        var takenNotContacted = await _app.PersonAsync(At(_monday.AddDays(-8)), firstName: $"Taken{_suffix}");
        var takenContacted = await _app.PersonAsync(At(_monday.AddDays(-8)), firstName: $"Seen{_suffix}");
        Assert.IsType<Result<CaseEntry>.Ok>(await _app.Cases().RecordEngagedAsync(As(Adviser), engaged, new EngagedInput(null, "Drop-in at the library", null), default));
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(Adviser), takenNotContacted, default));
        var seen = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(Adviser), takenContacted, default)).Value;
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().LogInterventionAsync(As(Adviser), takenContacted, new InterventionInput("CareersAdvice", null, 30, null), seen.ETag, default));

        var sent = await Job<UncontactedDigestJob>().RunAsync(default);

        Assert.Contains(Lead, sent);
        Assert.DoesNotContain(Adviser, sent);
        var email = Assert.Single(await EmailsToAsync(Lead, EmailKind.CaseloadUncontacted));
        Assert.Contains($"Late{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Taken{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"/staff/caseload/cases/{takenNotContacted}", email.Html, StringComparison.Ordinal);
        foreach (var notListed in new[] { "Recent", "Weekend", "Engaged", "Seen" })
        {
            Assert.DoesNotContain(notListed + _suffix, email.Text, StringComparison.Ordinal);
        }

        // Once a day: a second run the same day sends nothing; the next working day it goes again.
        Assert.DoesNotContain(Lead, await Job<UncontactedDigestJob>().RunAsync(default));
        Assert.Single(await EmailsToAsync(Lead, EmailKind.CaseloadUncontacted));
        MoveTo(_monday.AddDays(2));
        Assert.Contains(Lead, await Job<UncontactedDigestJob>().RunAsync(default));
        Assert.Equal(2, (await EmailsToAsync(Lead, EmailKind.CaseloadUncontacted)).Count);

        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains($"Late{_suffix}", StringComparison.Ordinal) || l.Contains($"Taken{_suffix}", StringComparison.Ordinal) || l.Contains(late, StringComparison.Ordinal));
        _ = recent;
        _ = overWeekend;
    }

    [Fact]
    public async Task TheAdviser_IsEmailedTheirOverdueAndDueTodayActions_AndSustainedChecks_ThatTheHomeCountsToo()
    {
        var today = _monday.AddDays(1);
        var overdue = await CaseWithActionAsync($"Overdue{_suffix}", today.AddDays(-1));
        var dueToday = await CaseWithActionAsync($"Today{_suffix}", today);
        var later = await CaseWithActionAsync($"Later{_suffix}", today.AddDays(1));
        var threeMonths = await EmployedAsync($"Three{_suffix}", today.AddMonths(-3));
        var twoMonths = await EmployedAsync($"Two{_suffix}", today.AddMonths(-2).AddDays(-20));

        var sent = await Job<CaseloadActionsJob>().RunAsync(default);

        Assert.Contains(Adviser, sent);
        Assert.DoesNotContain(Lead, sent); // a lead sees the team's cases on the pages; only the owner is emailed
        var email = Assert.Single(await EmailsToAsync(Adviser, EmailKind.CaseloadActions));
        Assert.Contains($"Overdue{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Today{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"Three{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.Contains("3 months since starting work", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Later{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Two{_suffix}", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("private note", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains($"Overdue{_suffix}", StringComparison.Ordinal) || l.Contains(overdue, StringComparison.Ordinal));

        var home = await _app.Cases().CaseloadAsync(As(Adviser), false, default);
        Assert.Equal(3, home.Single(c => c.ApplicantId == threeMonths.Id).SustainedCheckMonths);
        Assert.Null(home.Single(c => c.ApplicantId == twoMonths.Id).SustainedCheckMonths);
        Assert.True(home.Single(c => c.ApplicantId == overdue).ActionOverdue);
        Assert.True(home.Single(c => c.ApplicantId == dueToday).ActionDueToday);
        _ = later;

        // Once a day; the next day, the recorded check is gone and the 3-month one stays gone until 6 months.
        Assert.DoesNotContain(Adviser, await Job<CaseloadActionsJob>().RunAsync(default));
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().RecordOutcomeAsync(As(Adviser), threeMonths.Id, new OutcomeInput("SustainedThreeMonths", null, null, null, null, null), threeMonths.ETag, default));
        MoveTo(today.AddDays(1));
        Assert.Contains(Adviser, await Job<CaseloadActionsJob>().RunAsync(default));
        var next = (await EmailsToAsync(Adviser, EmailKind.CaseloadActions)).OrderBy(e => e.CreatedAt).Last();
        Assert.DoesNotContain($"Three{_suffix}", next.Text, StringComparison.Ordinal);
        Assert.Contains($"Today{_suffix}", next.Text, StringComparison.Ordinal); // yesterday's due-today is overdue now
    }

    [Fact]
    public void SustainedChecks_AreDueAtThreeThenSixMonths_UntilRecordedOrClosed()
    {
        var start = new DateOnly(2026, 1, 31);
        var record = new CaseRecord("a", CaseStatus.Active, "x", null, false, default, default, null, null, null, null, null, start, new HashSet<OutcomeType> { OutcomeType.EmploymentInHealthOrCare }, null, "", "", default);

        Assert.Null(SustainedCheck.DueMonths(record, new DateOnly(2026, 4, 29)));
        Assert.Equal(3, SustainedCheck.DueMonths(record, new DateOnly(2026, 4, 30)));
        Assert.Equal(3, SustainedCheck.DueMonths(record, new DateOnly(2026, 8, 1)));
        var three = record with { Outcomes = new HashSet<OutcomeType> { OutcomeType.EmploymentInHealthOrCare, OutcomeType.SustainedThreeMonths } };
        Assert.Null(SustainedCheck.DueMonths(three, new DateOnly(2026, 7, 30)));
        Assert.Equal(6, SustainedCheck.DueMonths(three, new DateOnly(2026, 7, 31)));
        Assert.Null(SustainedCheck.DueMonths(three with { Status = CaseStatus.Closed }, new DateOnly(2026, 8, 1)));
        Assert.Null(SustainedCheck.DueMonths(record with { EmployedFrom = null }, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void WorkingDays_SkipWeekends()
    {
        var wednesday = new DateOnly(2026, 12, 2);
        Assert.Equal(4, WorkingDays.Between(wednesday, wednesday.AddDays(6))); // to Tuesday: Thu, Fri, Mon, Tue
        Assert.Equal(0, WorkingDays.Between(wednesday.AddDays(3), wednesday.AddDays(4))); // Saturday to Sunday
        Assert.Equal(5, WorkingDays.Between(wednesday, wednesday.AddDays(7)));
    }

    private async Task<string> CaseWithActionAsync(string firstName, DateOnly due)
    {
        var id = await _app.PersonAsync(firstName: firstName);
        var taken = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(Adviser), id, default)).Value;
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().SetNextActionAsync(As(Adviser), id, new NextActionInput("Call about the ENIC statement", due.ToString("yyyy-MM-dd")), taken.ETag, default));
        return id;
    }

    private async Task<(string Id, Azure.ETag ETag)> EmployedAsync(string firstName, DateOnly start)
    {
        var id = await _app.PersonAsync(firstName: firstName);
        var taken = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(Adviser), id, default)).Value;
        var employed = Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().RecordOutcomeAsync(
            As(Adviser), id, new OutcomeInput("EmploymentInHealthOrCare", null, "UHNM", "Healthcare support worker", start.ToString("yyyy-MM-dd"), "private note"), taken.ETag, default)).Value;
        return (id, employed.ETag);
    }

    private async Task StaffWithAddressAsync(string id, bool lead)
    {
        await _app.Services.GetRequiredService<StaffDirectory>().UpsertAsync(As(id), default);
        var table = _app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.StaffUsers);
        await table.UpsertEntityAsync(new TableEntity("staff", id) { ["Email"] = $"{id}@nhs.example" }, TableUpdateMode.Merge);
        await _app.Services.GetRequiredService<AdviserTeams>().SetAsync(new TeamMembership(id, Team, lead), default);
    }

    private async Task<IReadOnlyList<OutboxItem>> EmailsToAsync(string staffId, EmailKind kind) =>
        (await _app.Services.GetRequiredService<OutboxReader>().ListAsync(10_000, default)).Where(e => e.ReferenceId == staffId && e.Kind == kind).ToList();

    private T Job<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    private void MoveTo(DateOnly day) =>
        _app.Time.Offset = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero) - TimeProvider.System.GetUtcNow();

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
