using CareersPipeline.Core.People;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// The staff access audit trail filtered by the GET form (<paramref name="Filters"/>): one page of entries, and the link
/// to the next page when there is one. <paramref name="Entries"/> is empty until the filters are valid.
/// </summary>
public sealed record AdminAuditPage(FormView Filters, IReadOnlyList<AuditEntry> Entries, string? NextHref) : StaffPage
{
    public override string Title => "Audit trail";
}
