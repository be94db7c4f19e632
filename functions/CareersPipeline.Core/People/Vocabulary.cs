namespace CareersPipeline.Core.People;

/// <summary>The door a person came in through. Each door has its own endpoint and its own extra fields.</summary>
public enum Door
{
    Website,
    School,
    Event,
    Programme,
}

/// <summary>Health and care career families, after NHS Health Careers plus adult social care.</summary>
public enum CareerFamily
{
    NotSureYet,
    AlliedHealthProfessions,
    AmbulanceService,
    Dental,
    Doctors,
    EstatesAndFacilities,
    HealthInformatics,
    HealthcareScience,
    MedicalAssociateProfessions,
    Midwifery,
    Nursing,
    Pharmacy,
    PsychologicalTherapies,
    PublicHealth,
    WiderHealthcareTeam,
    SocialCare,
}

public enum CurrentSituation
{
    InEducation,
    EmployedElsewhere,
    Unemployed,
    Other,
}

/// <summary>Highest qualification on the Regulated Qualifications Framework (RQF) scale.</summary>
public enum QualificationLevel
{
    None,
    EntryLevel,
    Level1,
    Level2,
    Level3,
    Level4,
    Level5,
    Level6,
    Level7,
    Level8,
}

public enum RightToWork
{
    Yes,
    No,
    AwaitingDecision,
    NotSure,
}

public enum SupportNeed
{
    EnglishLanguage,
    QualificationRecognition,
    Other,
}
