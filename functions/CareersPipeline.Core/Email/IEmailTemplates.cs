namespace CareersPipeline.Core.Email;

/// <summary>
/// The HTML of emails, written by templates outside Core (Razor components in the web project) from the data Core
/// hands them: Core composes the recipient, subject and plain text, and never builds HTML itself.
/// </summary>
public interface IEmailTemplates
{
    /// <summary>
    /// The HTML for <paramref name="model"/>: a whole email, the shared template of a batch, or one recipient's part of
    /// it. Every value in the model is HTML-encoded by the template.
    /// </summary>
    string Html<TModel>(TModel model)
        where TModel : class;

    /// <summary>A value as HTML text, encoded as the templates encode it: for a batch's tags whose values are HTML.</summary>
    string Encode(string value);
}
