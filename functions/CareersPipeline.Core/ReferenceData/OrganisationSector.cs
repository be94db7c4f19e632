namespace CareersPipeline.Core.ReferenceData;

/// <summary>The part of health and care an employer belongs to.</summary>
public enum OrganisationSector
{
    Nhs,
    PrimaryCare,
    SocialCare,

    /// <summary>Voluntary, community and social enterprise.</summary>
    Vcse,
}
