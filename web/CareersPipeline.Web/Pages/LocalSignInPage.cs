using CareersPipeline.Core.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// Local mode only: the seeded staff a developer can sign in as (a session cookie), or act as with <paramref name="Header"/>.
/// <paramref name="ReturnUrl"/> is the staff page to go back to; <paramref name="Error"/> when nobody was chosen.
/// </summary>
public sealed record LocalSignInPage(string Header, IReadOnlyList<StaffPrincipal> Staff, FormToken Token, string? ReturnUrl = null, string? Error = null) : AppPage
{
    public override string Title => "Development sign-in";
}
