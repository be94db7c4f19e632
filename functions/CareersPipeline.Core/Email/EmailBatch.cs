namespace CareersPipeline.Core.Email;

/// <summary>
/// One email to many people: a shared HTML and text template whose tags each recipient fills with their own values
/// (SendGrid substitutions, one personalization per recipient). At most <see cref="MaxRecipients"/>, each address once.
/// </summary>
public sealed record EmailBatch(EmailKind Kind, string HtmlTemplate, string TextTemplate, IReadOnlyList<BatchRecipient> Recipients)
{
    /// <summary>SendGrid's limit of personalizations in one request.</summary>
    public const int MaxRecipients = 1000;

    /// <summary>Splits recipients into batches SendGrid accepts: at most 1,000 each, and no address twice in one.</summary>
    public static IEnumerable<EmailBatch> Of(EmailKind kind, string htmlTemplate, string textTemplate, IEnumerable<BatchRecipient> recipients)
    {
        var batch = new List<BatchRecipient>();
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var later = new List<BatchRecipient>();
        foreach (var recipient in recipients)
        {
            if (!addresses.Add(recipient.To))
            {
                later.Add(recipient);
                continue;
            }

            batch.Add(recipient);
            if (batch.Count == MaxRecipients)
            {
                yield return new EmailBatch(kind, htmlTemplate, textTemplate, batch);
                batch = [];
                addresses.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return new EmailBatch(kind, htmlTemplate, textTemplate, batch);
        }

        if (later.Count > 0)
        {
            foreach (var rest in Of(kind, htmlTemplate, textTemplate, later))
            {
                yield return rest;
            }
        }
    }

    /// <summary>The email one recipient gets: the templates with their values put in.</summary>
    public (string Html, string Text) RenderFor(BatchRecipient recipient)
    {
        string html = HtmlTemplate, text = TextTemplate;
        foreach (var (tag, value) in recipient.Substitutions)
        {
            html = html.Replace(tag, value, StringComparison.Ordinal);
            text = text.Replace(tag, value, StringComparison.Ordinal);
        }

        return (html, text);
    }
}
