using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// "Apply" on an opportunity's page, for a person with no link in hand: they give their address and each verified,
/// active sign-up made with it gets an email carrying its signed link to the apply pages. As with "send me my links"
/// (SignUps' LinkRequests), every well-formed address hears the same and the work is queued, so neither the answer nor
/// its timing tells who is registered.
/// </summary>
public sealed partial class ApplicationRequests(
    PersonDirectory directory,
    ApplicantStore applicants,
    OpportunityStore opportunities,
    QueueSender queue,
    ApplicationLinks links,
    PersonLinks personLinks,
    IOptions<PipelineOptions> options,
    IEmailTemplates templates,
    Mailer mailer,
    ILogger<ApplicationRequests> logger)
{
    /// <summary>The opportunity, for the page that asks for the address (null when there is none to apply for).</summary>
    public async Task<Opportunity?> OpportunityAsync(string opportunityId, CancellationToken cancellationToken) =>
        await opportunities.FindAsync(opportunityId, cancellationToken) is { } found && found.Value.Status != OpportunityStatus.Draft ? found.Value : null;

    public async Task<Result<bool>> RequestAsync(string opportunityId, string? email, CancellationToken cancellationToken)
    {
        if (await OpportunityAsync(opportunityId, cancellationToken) is null)
        {
            return new Result<bool>.NotFound(ApplicationMessages.OpportunityNotFound);
        }

        var address = email?.Trim() ?? string.Empty;
        if (!EmailAddresses.IsValid(address))
        {
            return new Result<bool>.Invalid(new Dictionary<string, string[]> { ["email"] = [EmailAddresses.FormatMessage] });
        }

        // Every sign-up made with the address is queued, whatever its state: the handler decides, off the request.
        foreach (var id in await directory.SignUpsOfAsync(address, cancellationToken))
        {
            await queue.SendAsync(StorageNames.Queues.ApplicationLinks, new ContinueApplicationMessage(id, opportunityId), cancellationToken);
        }

        return new Result<bool>.Ok(true);
    }

    /// <summary>Sends the email when the sign-up is active and verified (an unverified one has the links it can ask for again).</summary>
    public async Task HandleAsync(ContinueApplicationMessage message, CancellationToken cancellationToken)
    {
        var applicant = await applicants.FindAsync(message.ApplicantId, cancellationToken);
        var opportunity = await OpportunityAsync(message.OpportunityId, cancellationToken);
        if (applicant is null || opportunity is null || applicant.StatusValue() != ApplicantStatus.Active || applicant.EmailVerifiedAt is null
            || !await mailer.MayEmailAsync(applicant, EmailKind.ContinueApplication, cancellationToken))
        {
            LogSkipped(logger, message.ApplicantId, message.OpportunityId);
            return;
        }

        await mailer.SendAsync(Compose(applicant, opportunity), cancellationToken);
    }

    public OutgoingEmail Compose(ApplicantEntity applicant, Opportunity opportunity)
    {
        const EmailKind kind = EmailKind.ContinueApplication;
        var model = new ContinueApplicationEmail(applicant.FirstName, opportunity.Title, opportunity.EmployerName, links.ApplyUrl(applicant, opportunity.Id), PrivacyFooter.For(kind, personLinks, options.Value, applicant));
        var subject = $"Continue your application: {opportunity.Title}";
        var text = $"Hello {model.FirstName},\n\nYou asked to apply for {opportunity.Title} at {opportunity.EmployerName}. Continue your application here:\n{model.ApplyUrl}\n\n"
            + "If you did not ask for this, you can ignore this email.\n" + model.Footer.Text;
        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), subject, templates.Html(model), text, kind, applicant.PartitionKey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No continue-application email for sign-up {ApplicantId} and opportunity {OpportunityId}")]
    private static partial void LogSkipped(ILogger logger, string applicantId, string opportunityId);
}
