using Azure.Data.Tables;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// Timer job and safety net: a crash between storing a row and queueing its next step would otherwise strand it.
/// Re-queues sign-ups still unprocessed, and emails queued but not sent, after a grace period. Handlers are
/// idempotent, so a message that was merely slow is harmless to queue again.
/// </summary>
public sealed partial class SignUpRecoveryJob(ApplicantStore applicants, QueueSender queue, TimeProvider time, ILogger<SignUpRecoveryJob> logger)
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - GracePeriod;
        var requeued = 0;

        await foreach (var a in applicants.QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.Received)} and Timestamp lt {cutoff}"), cancellationToken))
        {
            await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(a.PartitionKey), cancellationToken);
            requeued++;
        }

        await foreach (var a in applicants.QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.Active)} and ConfirmationQueuedAt lt {cutoff}"), cancellationToken))
        {
            if (a.ConfirmationSentAt is null)
            {
                await queue.SendAsync(StorageNames.Queues.Emails, new EmailMessage(a.PartitionKey, EmailKind.Confirmation), cancellationToken);
                requeued++;
            }
        }

        await foreach (var a in applicants.QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.AwaitingGuardianConsent)} and GuardianRequestQueuedAt lt {cutoff}"), cancellationToken))
        {
            if (a.GuardianRequestSentAt is null)
            {
                await queue.SendAsync(StorageNames.Queues.Emails, new EmailMessage(a.PartitionKey, EmailKind.GuardianConsentRequest), cancellationToken);
                requeued++;
            }
        }

        LogRun(logger, requeued);
        return requeued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up recovery re-queued {Count} messages")]
    private static partial void LogRun(ILogger logger, int count);
}
