namespace CareersPipeline.Core.Staff;

public enum StaffRole
{
    /// <summary>Works for one or more employer organisations and acts only for them.</summary>
    Employer,

    /// <summary>An outreach or careers adviser at the ICS.</summary>
    Adviser,

    /// <summary>Runs the service; may act for any organisation.</summary>
    Admin,

    /// <summary>Runs community recruitment events (the event door's codes).</summary>
    EventOrganiser,

    /// <summary>Leads a virtual work experience programme (the programme door's codes).</summary>
    ProgrammeLead,

    /// <summary>A school or college's careers coordinator (the school door's codes).</summary>
    SchoolCoordinator,
}
