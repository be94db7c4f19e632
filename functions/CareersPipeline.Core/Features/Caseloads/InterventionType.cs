namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>What an adviser did with or for a person, as the outreach programme reports it.</summary>
public enum InterventionType
{
    CareersAdvice,
    WorkExperienceBrokerage,
    VolunteeringBrokerage,
    GroupOrInformationSession,
    ApplicationSupport,
    InterviewPreparation,
    QualificationRecognition,
    EnglishLanguage,
    Observership,
    InWorkMentoring,
    Other,
}
