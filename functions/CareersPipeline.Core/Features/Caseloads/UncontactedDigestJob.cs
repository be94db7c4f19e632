using System.Globalization;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Staff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Timer job (daily, working days): emails each outreach team lead the people not contacted within
/// CASELOAD_CONTACT_WORKING_DAYS working days of signing up: everyone waiting on the triage list that long (the list is
/// shared by every team, so every lead sees it), and their own team's cases taken but with no contact yet. A lead
/// with nothing to chase gets nothing; a lead is emailed at most once a day (<see cref="Mailer.SendOnceAsync"/>), so a
/// second run the same day, or a retry after a failure, sends only what did not go. Logs carry staff ids and counts,
/// never the people's names.
/// </summary>
public sealed partial class UncontactedDigestJob(
    CaseService service,
    CaseStore cases,
    AdviserTeams teams,
    StaffDirectory directory,
    CaseloadEmailComposer composer,
    Mailer mailer,
    IOptions<CaseloadOptions> options,
    TimeProvider time,
    ILogger<UncontactedDigestJob> logger)
{
    /// <summary>The subject ids of the leads emailed by this run.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var leads = (await teams.ListAsync(cancellationToken)).Where(m => m.Lead).ToList();
        if (leads.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var waiting = (await service.WaitingAsync(cancellationToken)).Where(t => t.Overdue).ToList();
        var overdueCases = (await cases.ListAsync(null, cancellationToken)).Select(c => c.Value).Where(c => service.ContactOverdue(c, today)).ToList();
        var names = (await service.SummariesAsync(overdueCases, false, cancellationToken)).ToDictionary(s => s.ApplicantId, StringComparer.Ordinal);
        var staff = await StaffAddresses.ReadAsync(directory, cancellationToken);
        var triageRows = waiting.Select(t => new CaseloadEmailRow($"{t.FirstName} {t.LastName}", composer.TriageUrl(), $"signed up {Long(t.SignedUpAt)}, {t.WorkingDaysWaiting} working days ago")).ToList();

        var sent = new List<string>();
        foreach (var lead in leads)
        {
            var teamRows = overdueCases
                .Where(c => c.Team == lead.Team && names.ContainsKey(c.ApplicantId))
                .OrderBy(c => c.SignedUpAt)
                .Select(c => new CaseloadEmailRow(
                    $"{names[c.ApplicantId].FirstName} {names[c.ApplicantId].LastName}",
                    composer.CaseUrl(c.ApplicantId),
                    $"taken by {staff.GetValueOrDefault(c.OwnerId)?.DisplayName ?? c.OwnerId}, signed up {Long(c.SignedUpAt)}"))
                .ToList();
            if (triageRows.Count + teamRows.Count == 0)
            {
                continue;
            }

            if (!staff.TryGetValue(lead.StaffId, out var member))
            {
                LogNoAddress(logger, lead.StaffId);
                continue;
            }

            var email = composer.Uncontacted(member.Email!, member.Id, member.DisplayName, lead.Team, options.Value.WorkingDaysToContact,
                [new("Waiting on triage", triageRows), new("On your team's caseloads, not contacted yet", teamRows)]);
            if (await mailer.SendOnceAsync(email, $"{EmailKind.CaseloadUncontacted}|{member.Id}|{today:yyyy-MM-dd}", cancellationToken))
            {
                sent.Add(member.Id);
                LogSent(logger, member.Id, triageRows.Count, teamRows.Count);
            }
        }

        return sent;
    }

    private static string Long(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uncontacted-people email to lead {StaffId}: {Triage} on triage, {Team} on the team's caseloads")]
    private static partial void LogSent(ILogger logger, string staffId, int triage, int team);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team lead {StaffId} has no active staff record with an email address: no uncontacted-people email")]
    private static partial void LogNoAddress(ILogger logger, string staffId);
}
