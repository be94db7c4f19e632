namespace CareersPipeline.Web.Pages.Staff;

/// <summary>The moves on an application that need answers, each its own page (the others are buttons on the application).</summary>
public enum ApplicationFormKind
{
    Unsuccessful,
    Invite,
    Offer,
    Start,
}
