namespace CareersPipeline.Web.Pages;

/// <summary>
/// "Send me my links": one email address field. After a post it says the same thing whatever the address, so the page
/// tells nobody whether an address is registered (<see cref="Sent"/>).
/// </summary>
public sealed record SendMyLinksPage(string? Email, IReadOnlyDictionary<string, string[]> Errors, bool Sent) : AppPage
{
    public override string Title => Sent ? "Check your email" : "Get new links to your sign-up";
}
