namespace CareersPipeline.Core.Features.Applications;

/// <summary>What the person wrote: the only part of the application, with their name and contact details, an employer sees.</summary>
public sealed record ApplicationAnswers(
    string WhyThisRole,
    string? PaidExperience,
    string? VoluntaryExperience,
    string? CaringExperience,
    string? StudyExperience,
    string WhenCanStart,
    string? InterviewAdjustments);
