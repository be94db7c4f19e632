using System.Globalization;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;

namespace CareersPipeline.Web.Components.Parts;

/// <summary>How opportunities read on the (English) opportunity pages and the matches page.</summary>
public static class OpportunityText
{
    public static string Kind(OpportunityKind kind) => kind switch
    {
        OpportunityKind.Apprenticeship => "Apprenticeship",
        OpportunityKind.EntryLevelVacancy => "Entry-level job",
        _ => "Levy-funded apprenticeship place",
    };

    /// <summary>Matches reach beyond the site's opportunities: programmes, events and courses too.</summary>
    public static string Kind(CandidateKind kind) => kind switch
    {
        CandidateKind.Apprenticeship => "Apprenticeship",
        CandidateKind.EntryLevelVacancy => "Job",
        CandidateKind.LevyFundedPlace => "Apprenticeship funded by a levy transfer",
        CandidateKind.WorkExperienceProgramme => "Work experience",
        CandidateKind.RecruitmentEvent => "Recruitment event",
        CandidateKind.PreEmploymentCourse => "Pre-employment course",
        _ => kind.ToString(),
    };

    public static string KindPlural(OpportunityKind kind) => kind switch
    {
        OpportunityKind.Apprenticeship => "Apprenticeships",
        OpportunityKind.EntryLevelVacancy => "Entry-level jobs",
        _ => "Levy-funded apprenticeship places",
    };

    public static string Wage(Wage wage) => wage.Type switch
    {
        WageType.ApprenticeshipMinimum => "Apprenticeship minimum wage or more",
        WageType.NationalMinimum => "National Minimum Wage or more",
        WageType.Competitive => "Competitive salary",
        _ when wage.Amount is { } amount => $"£{amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture)} {Per(wage.Unit)}",
        _ => "Pay to be confirmed",
    };

    public static string Hours(decimal hours) => $"{hours.ToString("0.##", CultureInfo.InvariantCulture)} hours a week";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Family(CareerFamily family) => family switch
    {
        CareerFamily.AlliedHealthProfessions => "Allied health professions",
        CareerFamily.AmbulanceService => "Ambulance service",
        CareerFamily.Dental => "Dental team",
        CareerFamily.Doctors => "Doctors",
        CareerFamily.EstatesAndFacilities => "Estates and facilities",
        CareerFamily.HealthInformatics => "Health informatics",
        CareerFamily.HealthcareScience => "Healthcare science",
        CareerFamily.MedicalAssociateProfessions => "Medical associate professions",
        CareerFamily.Midwifery => "Midwifery",
        CareerFamily.Nursing => "Nursing",
        CareerFamily.Pharmacy => "Pharmacy",
        CareerFamily.PsychologicalTherapies => "Psychological therapies",
        CareerFamily.PublicHealth => "Public health",
        CareerFamily.WiderHealthcareTeam => "Wider healthcare team",
        CareerFamily.SocialCare => "Adult social care",
        _ => "Not sure yet",
    };

    private static string Per(WageUnit? unit) => unit switch
    {
        WageUnit.Hourly => "an hour",
        WageUnit.Weekly => "a week",
        WageUnit.Monthly => "a month",
        _ => "a year",
    };
}
