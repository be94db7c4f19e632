using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>How the admin pages name each kind of reference data, and the path segment the pages use for it.</summary>
public static class AdminReferenceText
{
    public static string Segment(ReferenceKind kind) => kind switch
    {
        ReferenceKind.School => "schools",
        ReferenceKind.Event => "events",
        ReferenceKind.Programme => "programmes",
        _ => "employers",
    };

    public static string Plural(ReferenceKind kind) => kind switch
    {
        ReferenceKind.School => "Schools",
        ReferenceKind.Event => "Events",
        ReferenceKind.Programme => "Programmes",
        _ => "Employers",
    };

    public static string Noun(ReferenceKind kind) => kind switch
    {
        ReferenceKind.School => "school",
        ReferenceKind.Event => "event",
        ReferenceKind.Programme => "programme",
        _ => "employer",
    };

    public static string Article(ReferenceKind kind) => kind == ReferenceKind.Event ? "an" : "a";

    public static string Sector(OrganisationSector? sector) => sector switch
    {
        OrganisationSector.Nhs => "NHS",
        OrganisationSector.PrimaryCare => "Primary care",
        OrganisationSector.SocialCare => "Social care",
        OrganisationSector.Vcse => "Voluntary, community and social enterprise",
        _ => "Not given",
    };
}
