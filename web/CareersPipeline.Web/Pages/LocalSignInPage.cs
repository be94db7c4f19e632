using CareersPipeline.Core.Staff;

namespace CareersPipeline.Web.Pages;

/// <summary>Local mode only: the seeded staff a developer can act as, and the header that does it.</summary>
public sealed record LocalSignInPage(string Header, IReadOnlyList<StaffPrincipal> Staff) : AppPage
{
    public override string Title => "Development sign-in";
}
