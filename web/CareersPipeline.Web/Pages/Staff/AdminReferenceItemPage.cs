using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// Add a code of <paramref name="Kind"/> (<paramref name="Item"/> null), or change one from the version read, with its
/// retire, reopen and delete buttons. <paramref name="Action"/> is where the form posts.
/// </summary>
public sealed record AdminReferenceItemPage(ReferenceKind Kind, ReferenceItem? Item, string? Version, string Action, FormView Form) : StaffPage
{
    public override string Title => Item is null ? $"Add {AdminReferenceText.Article(Kind)} {AdminReferenceText.Noun(Kind)}" : Item.Name;
}
