using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>The email queue's message: ids only.</summary>
public sealed record EmailMessage(string ApplicantId, EmailKind Kind);
