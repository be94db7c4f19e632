namespace CareersPipeline.Core.Features.SignUps;

/// <summary>The sign-up queue's message: the applicant's id and nothing else.</summary>
public sealed record SignUpMessage(string ApplicantId);
