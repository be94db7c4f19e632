using System.Text.Json.Nodes;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Subject access: everything held about a person, from every <see cref="IPersonalDataSource"/>, as one JSON document
/// (shown as a readable page from <see cref="SubjectAccessReport"/>). One person may have several sign-ups (one per
/// door, sharing a PersonKey); the export covers all of them, whichever applicant id it was asked for.
/// </summary>
public sealed class SubjectAccessService(
    PersonResolver resolver,
    ConsentLedger consents,
    IEnumerable<IPersonalDataSource> sources,
    TimeProvider time,
    IOptions<PipelineOptions> options)
{
    public async Task<JsonObject?> ExportAsync(string applicantId, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(applicantId, cancellationToken) is not { } person)
        {
            return null;
        }

        foreach (var applicant in person.Applicants)
        {
            await consents.EnsureGuardianConsentRecordedAsync(applicant, cancellationToken);
        }

        var ordered = sources.OrderBy(s => s.ErasureOrder).ToList();
        var sections = await Task.WhenAll(ordered.Select(s => s.ExportAsync(person, audience, cancellationToken)));
        var data = new JsonObject();
        foreach (var (source, section) in ordered.Zip(sections).OrderByDescending(p => p.First.ErasureOrder))
        {
            if (section is not null)
            {
                data[source.Section] = section;
            }
        }

        return new JsonObject
        {
            ["generatedAt"] = time.GetUtcNow(),
            ["controller"] = PrivacyNotice.Controller(options.Value.IcsName),
            ["about"] = "Everything the health and care careers service holds about you: your sign-ups (one for each way you signed up), "
                + "your consents and their history, the opportunities matched to you and what you saved, copies of emails we sent you, "
                + "your equality monitoring answers if you gave any, "
                + "and a record of staff who looked at or changed your details.",
            ["privacyNotice"] = PrivacyLinks.NoticeUrl(options.Value.PublicBaseUrl),
            ["audience"] = audience.ToString(),
            ["data"] = data,
        };
    }
}
