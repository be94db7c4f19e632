using CareersPipeline.Core.Email;

namespace CareersPipeline.Web.Pages;

/// <summary>Local mode only: one email in the outbox, as its recipient would see it.</summary>
public sealed record LocalEmailPage(OutboxItem Item) : AppPage
{
    public override string Title => Item.Subject;
}
