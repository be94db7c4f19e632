using System.Text;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// The poison queues' alarm (a timer): every run logs each queue with messages in its poison queue at error level,
/// and the admins get one email a day for the same set of queues (a new queue failing that day sends another), with
/// the page that lists and resends them. Nothing about people: queue names and counts.
/// </summary>
public sealed partial class PoisonAlertJob(
    PoisonMessages poison,
    StaffDirectory staff,
    Mailer mailer,
    IEmailTemplates templates,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<PoisonAlertJob> logger)
{
    /// <summary>The admin page that lists poisoned messages.</summary>
    public const string PagePath = "/staff/admin/queues";

    public async Task<IReadOnlyList<PoisonAlertLine>> RunAsync(CancellationToken cancellationToken)
    {
        var lines = new List<PoisonAlertLine>();
        foreach (var queue in StorageNames.AllQueues)
        {
            if (await poison.CountAsync(queue, cancellationToken) is var count and > 0)
            {
                lines.Add(new PoisonAlertLine(queue, count));
                LogPoisoned(logger, StorageNames.PoisonQueueOf(queue), count);
            }
        }

        if (lines.Count == 0)
        {
            return lines;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var queues = string.Join(',', lines.Select(l => l.Queue));
        var admins = (await staff.ListMembersAsync(cancellationToken)).Select(m => m.Value).Where(m => m.IsEffectiveAdmin && m.Email is not null).ToList();
        if (admins.Count == 0)
        {
            LogNoAdmin(logger);
        }

        foreach (var admin in admins)
        {
            await mailer.SendOnceAsync(Compose(admin, lines), $"poison-alert|{today:yyyy-MM-dd}|{queues}|{admin.Id}", cancellationToken);
        }

        return lines;
    }

    private OutgoingEmail Compose(StaffMember admin, IReadOnlyList<PoisonAlertLine> lines)
    {
        var model = new PoisonAlertEmail(options.Value.IcsName, lines, options.Value.PublicBaseUrl.TrimEnd('/') + PagePath);
        var text = new StringBuilder("Some work failed every attempt and has stopped, waiting for you:\n\n");
        foreach (var line in lines)
        {
            text.Append("- ").Append(line.Queue).Append(": ").Append(line.Count).Append(line.Count == 1 ? " message\n" : " messages\n");
        }

        text.Append("\nSee why and send them back once the cause is fixed: ").Append(model.PageUrl).Append('\n');
        var total = lines.Sum(l => l.Count);
        return new OutgoingEmail(admin.Email!, $"{model.IcsName} careers pipeline: {total} failed {(total == 1 ? "message" : "messages")} waiting", templates.Html(model), text.ToString(), EmailKind.PoisonAlert, admin.Id);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{PoisonQueue} holds {Count} messages that failed every attempt: see " + PagePath + " to resend them")]
    private static partial void LogPoisoned(ILogger logger, string poisonQueue, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "No active admin with an email address to alert about poisoned messages")]
    private static partial void LogNoAdmin(ILogger logger);
}
