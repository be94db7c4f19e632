using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// "Apply" from an opportunity's page on the site, for a person with no link in hand: one email address field. After
/// a post it says the same whatever the address (<see cref="Sent"/>), so it tells nobody who is registered.
/// </summary>
public sealed record ApplyByEmailPage(Opportunity Opportunity, string? Email, IReadOnlyDictionary<string, string[]> Errors, bool Sent) : AppPage
{
    public override string Title => Sent ? "Check your email" : $"Apply for {Opportunity.Title}";
}
