namespace CareersPipeline.Core.Email;

public sealed class EmailNotAcceptedException(int statusCode)
    : Exception($"SendGrid did not accept the email: HTTP {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}
