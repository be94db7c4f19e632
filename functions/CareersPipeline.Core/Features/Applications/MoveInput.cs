namespace CareersPipeline.Core.Features.Applications;

/// <summary>Move to in review, shortlisted or unsuccessful; unsuccessful needs feedback, which the person is sent.</summary>
public sealed record MoveInput(string? To = null, string? Feedback = null);
