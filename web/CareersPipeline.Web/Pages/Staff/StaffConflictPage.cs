namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// A save refused because someone else saved the record first: what they changed, beside what this person tried to save,
/// so nothing is overwritten silently. <paramref name="Next"/> goes back to the record as it now is.
/// </summary>
public sealed record StaffConflictPage(string What, IReadOnlyList<ConflictRow> Rows, StaffLink Next) : StaffPage
{
    public override string Title => "Someone else changed this first";
}

/// <summary>One answer that differs: the saved one (theirs) and the one this person sent (yours).</summary>
public sealed record ConflictRow(string Question, string Theirs, string Yours);
