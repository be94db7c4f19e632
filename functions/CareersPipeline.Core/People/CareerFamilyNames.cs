namespace CareersPipeline.Core.People;

/// <summary>Career families as a sentence names them, in English ("matches your interest in pharmacy").</summary>
public static class CareerFamilyNames
{
    public static string InSentence(CareerFamily family) => family switch
    {
        CareerFamily.NotSureYet => "not sure yet",
        CareerFamily.AlliedHealthProfessions => "the allied health professions",
        CareerFamily.AmbulanceService => "the ambulance service",
        CareerFamily.Dental => "dental care",
        CareerFamily.Doctors => "medicine",
        CareerFamily.EstatesAndFacilities => "estates and facilities",
        CareerFamily.HealthInformatics => "health informatics",
        CareerFamily.HealthcareScience => "healthcare science",
        CareerFamily.MedicalAssociateProfessions => "the medical associate professions",
        CareerFamily.Midwifery => "midwifery",
        CareerFamily.Nursing => "nursing",
        CareerFamily.Pharmacy => "pharmacy",
        CareerFamily.PsychologicalTherapies => "psychological therapies",
        CareerFamily.PublicHealth => "public health",
        CareerFamily.WiderHealthcareTeam => "the wider healthcare team",
        CareerFamily.SocialCare => "social care",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };
}
