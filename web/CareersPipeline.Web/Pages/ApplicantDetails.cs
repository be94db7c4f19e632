namespace CareersPipeline.Web.Pages;

/// <summary>The person's name and contact details from their sign-up, shown on the check page as the employer will see them.</summary>
public sealed record ApplicantDetails(string Name, string Email, string? Phone);
