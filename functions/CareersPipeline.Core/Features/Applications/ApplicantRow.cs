namespace CareersPipeline.Core.Features.Applications;

/// <summary>One line of the list: the name and where the application is, nothing the person did not write in it.</summary>
public sealed record ApplicantRow(string ApplicationId, string Name, ApplicationStatus Status, DateTimeOffset SubmittedAt);
