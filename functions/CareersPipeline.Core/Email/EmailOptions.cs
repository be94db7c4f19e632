namespace CareersPipeline.Core.Email;

public sealed class EmailOptions
{
    /// <summary>SendGrid API key; when empty, emails go to the local outbox container instead.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>SendGrid API host; a setting so tests can point it at a local fake.</summary>
    public string SendGridHost { get; set; } = "https://api.sendgrid.com";

    public string FromEmail { get; set; } = "no-reply@careers.example.nhs.uk";

    public string FromName { get; set; } = "Health and care careers";

    public bool UseSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);
}
