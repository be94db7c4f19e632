namespace CareersPipeline.Core.Email;

/// <summary>A file sent with an email, such as an interview's calendar entry. Small: it travels inside the one request to the provider.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
