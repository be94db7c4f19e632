namespace CareersPipeline.Core.Email;

/// <summary>
/// One recipient of a batch: their subject, their values for the template's tags (HTML values already encoded, and
/// only to be used in the HTML template's HTML parts), their own headers (List-Unsubscribe), and the id of the record
/// the email is about, which carries no personal data.
/// </summary>
public sealed record BatchRecipient(string To, string Subject, IReadOnlyDictionary<string, string> Substitutions, IReadOnlyDictionary<string, string> Headers, string ReferenceId);
