namespace CareersPipeline.Web.Pages.Staff;

/// <summary>A workspace page that only tells the person something: sign in, not allowed, not found, or the form has expired.</summary>
public sealed record StaffMessagePage(string Heading, string Message, StaffLink? Next = null) : StaffPage
{
    public override string Title => Heading;
}
