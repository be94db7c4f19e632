namespace CareersPipeline.Core.Features.Applications;

/// <summary>The application form as sent (JSON or the question pages' fields, same names).</summary>
public sealed record ApplicationInput(
    string? WhyThisRole = null,
    string? PaidExperience = null,
    string? VoluntaryExperience = null,
    string? CaringExperience = null,
    string? StudyExperience = null,
    string? WhenCanStart = null,
    string? InterviewAdjustments = null);
