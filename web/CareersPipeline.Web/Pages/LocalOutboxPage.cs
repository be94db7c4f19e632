using CareersPipeline.Core.Email;

namespace CareersPipeline.Web.Pages;

/// <summary>Local mode only: the emails the app would have sent through SendGrid, newest first.</summary>
public sealed record LocalOutboxPage(IReadOnlyList<OutboxItem> Items) : AppPage
{
    public override string Title => "Local outbox";
}
