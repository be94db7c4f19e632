using System.Globalization;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Staff;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Timer job (daily, working days): emails each adviser the open cases they own with a next action overdue or due
/// today, and those due a sustained-in-work check (3 and 6 months after the employment outcome's start,
/// <see cref="SustainedCheck"/>): the same things their workspace home counts. Only the owner is emailed (a teammate
/// or lead sees shared cases on the pages), at most once a day (<see cref="Mailer.SendOnceAsync"/>). Only cases with
/// something due are read further, so the run stays short with thousands of cases. Logs: staff ids and counts only.
/// </summary>
public sealed partial class CaseloadActionsJob(
    CaseService service,
    CaseStore cases,
    StaffDirectory directory,
    CaseloadEmailComposer composer,
    Mailer mailer,
    TimeProvider time,
    ILogger<CaseloadActionsJob> logger)
{
    /// <summary>The subject ids of the advisers emailed by this run.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var due = (await cases.ListAsync(null, cancellationToken))
            .Select(c => c.Value)
            .Where(c => c.Status != CaseStatus.Closed && (c.NextActionDue <= today || SustainedCheck.DueMonths(c, today) is not null))
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var employedFrom = due.ToDictionary(c => c.ApplicantId, c => c.EmployedFrom, StringComparer.Ordinal);
        var summaries = await service.SummariesAsync(due, false, cancellationToken);
        var staff = await StaffAddresses.ReadAsync(directory, cancellationToken);
        var sent = new List<string>();
        foreach (var owned in summaries.GroupBy(s => s.OwnerId.ToLowerInvariant(), StringComparer.Ordinal))
        {
            if (!staff.TryGetValue(owned.Key, out var member))
            {
                LogNoAddress(logger, owned.Key);
                continue;
            }

            CaseloadEmailSection[] sections =
            [
                new("Overdue next actions", [.. owned.Where(s => s.ActionOverdue).Select(s => Row(s, $"{s.NextAction}, due {Long(s.NextActionDue!.Value)}"))]),
                new("Next actions due today", [.. owned.Where(s => s.ActionDueToday).Select(s => Row(s, s.NextAction ?? "next action"))]),
                new("Check they are still in work", [.. owned.Where(s => s.SustainedCheckMonths is not null)
                    .Select(s => Row(s, $"{s.SustainedCheckMonths} months since starting work on {Long(employedFrom[s.ApplicantId]!.Value)}: record the sustained outcome, or close the case"))]),
            ];
            if (sections.All(s => s.Rows.Count == 0))
            {
                continue;
            }

            var email = composer.Actions(member.Email!, member.Id, member.DisplayName, sections);
            if (await mailer.SendOnceAsync(email, $"{EmailKind.CaseloadActions}|{member.Id}|{today:yyyy-MM-dd}", cancellationToken))
            {
                sent.Add(member.Id);
                LogSent(logger, member.Id, sections[0].Rows.Count, sections[1].Rows.Count, sections[2].Rows.Count);
            }
        }

        return sent;
    }

    private CaseloadEmailRow Row(CaseSummary s, string detail) => new($"{s.FirstName} {s.LastName}", composer.CaseUrl(s.ApplicantId), detail);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caseload email to adviser {StaffId}: {Overdue} overdue, {Today} due today, {Sustained} sustained-in-work checks")]
    private static partial void LogSent(ILogger logger, string staffId, int overdue, int today, int sustained);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adviser {StaffId} owns cases with actions due but has no active staff record with an email address")]
    private static partial void LogNoAddress(ILogger logger, string staffId);
}
