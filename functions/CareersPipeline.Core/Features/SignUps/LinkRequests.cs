using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// "Send me my links": queues a <see cref="EmailKind.LinksRequested"/> email to each sign-up made with the address.
/// The caller always hears the same (<see cref="Result{T}.Ok"/>) for a well-formed address, registered or not.
/// Skipped: sign-ups not yet processed (their confirmation is on its way) and under-16s whose guardian has not agreed
/// (nothing may be sent to them yet).
/// </summary>
public sealed class LinkRequests(PersonDirectory directory, ApplicantStore applicants, QueueSender queue)
{
    public async Task<Result<bool>> RequestAsync(string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim() ?? string.Empty;
        if (!EmailAddresses.IsValid(address))
        {
            return new Result<bool>.Invalid(new Dictionary<string, string[]> { ["email"] = [EmailAddresses.FormatMessage] });
        }

        foreach (var id in await directory.SignUpsOfAsync(address, cancellationToken))
        {
            if (await applicants.FindAsync(id, cancellationToken) is { } applicant && applicant.StatusValue() == ApplicantStatus.Active)
            {
                await queue.SendAsync(StorageNames.Queues.Emails, new EmailMessage(id, EmailKind.LinksRequested), cancellationToken);
            }
        }

        return new Result<bool>.Ok(true);
    }
}
