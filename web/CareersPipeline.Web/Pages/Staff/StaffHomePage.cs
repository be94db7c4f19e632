namespace CareersPipeline.Web.Pages.Staff;

/// <summary>The workspace's home: what needs the person's attention, one card per thing, by their roles.</summary>
public sealed record StaffHomePage(IReadOnlyList<StaffCard> Cards) : StaffPage
{
    public override string Title => "Staff workspace";
}

/// <summary>One thing to look at: <paramref name="Count"/> is shown when there is a number to show.</summary>
public sealed record StaffCard(string Heading, string Description, string Href, int? Count = null);
