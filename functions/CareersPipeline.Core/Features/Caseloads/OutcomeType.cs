namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>What a person achieved. Employment needs the employer, role and start date; the sustained outcomes follow it.</summary>
public enum OutcomeType
{
    EducationOrTraining,
    Volunteering,
    WorkExperience,
    EmploymentInHealthOrCare,
    SustainedThreeMonths,
    SustainedSixMonths,
}
