namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// A page of the staff workspace: rendered in the workspace's layout (<see cref="StaffShell"/>: who is signed in, their
/// navigation, the form token). The handler builds the page; the function app fills in <see cref="Shell"/>.
/// </summary>
public abstract record StaffPage : AppPage
{
    public StaffShell Shell { get; init; } = StaffShell.SignedOut;
}
