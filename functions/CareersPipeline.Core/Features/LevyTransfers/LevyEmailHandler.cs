using CareersPipeline.Core.Email;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Levy-email queue handler: reads the application and its pledge, composes the emails for the change and sends them
/// through the <see cref="Mailer"/>, once per recipient: a failure throws, so the queue retries, and the retry emails
/// only the recipients who did not get theirs (<see cref="Mailer.SendOnceAsync"/>).
/// </summary>
public sealed partial class LevyEmailHandler(LevyStore store, LevyEmailComposer composer, Mailer mailer, ILogger<LevyEmailHandler> logger)
{
    public async Task HandleAsync(LevyEmailMessage message, CancellationToken cancellationToken)
    {
        var application = await store.FindApplicationAsync(message.ApplicationId, cancellationToken);
        if (application is null || message.Change < 0 || message.Change > application.Value.History.Count)
        {
            LogDropped(logger, message.ApplicationId, message.Change);
            return;
        }

        var pledge = await store.FindPledgeAsync(application.Value.PledgeId, cancellationToken);
        if (pledge is null)
        {
            LogDropped(logger, message.ApplicationId, message.Change);
            return;
        }

        var emails = composer.ForChange(application.Value, pledge.Value, message.Change);
        foreach (var email in emails)
        {
            await mailer.SendOnceAsync(email, $"levy|{message.ApplicationId}|{message.Change}|{email.To.ToLowerInvariant()}", cancellationToken);
        }

        LogSent(logger, message.ApplicationId, message.Change, emails.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy emails for application {ApplicationId} change {Change} handed over ({Count})")]
    private static partial void LogSent(ILogger logger, string applicationId, int change, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Levy email for application {ApplicationId} change {Change} dropped: no such application or change")]
    private static partial void LogDropped(ILogger logger, string applicationId, int change);
}
