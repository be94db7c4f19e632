using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// One page of the codes of one kind (<paramref name="Kind"/>), open and retired, in code order: from
/// <paramref name="From"/> (or the first), with the code the next page starts at (<paramref name="Next"/>, null on the last).
/// </summary>
public sealed record AdminReferenceListPage(ReferenceKind Kind, IReadOnlyList<ReferenceItem> Items, string? From, string? Next) : StaffPage
{
    public override string Title => "Reference data";
}
