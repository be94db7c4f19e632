using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>The codes of one kind (<paramref name="Kind"/>), open and retired, with every kind's count for the tabs.</summary>
public sealed record AdminReferenceListPage(IReadOnlyDictionary<ReferenceKind, int> Counts, ReferenceKind Kind, IReadOnlyList<ReferenceItem> Items) : StaffPage
{
    public override string Title => "Reference data";
}
