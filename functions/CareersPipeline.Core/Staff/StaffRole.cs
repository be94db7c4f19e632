namespace CareersPipeline.Core.Staff;

public enum StaffRole
{
    /// <summary>Works for one or more employer organisations and acts only for them.</summary>
    Employer,

    /// <summary>An outreach or careers adviser at the ICS.</summary>
    Adviser,

    /// <summary>Runs the service; may act for any organisation.</summary>
    Admin,
}
