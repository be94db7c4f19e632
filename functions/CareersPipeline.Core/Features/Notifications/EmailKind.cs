namespace CareersPipeline.Core.Features.Notifications;

public enum EmailKind
{
    /// <summary>To the applicant: their route and next steps, with the link that verifies their address.</summary>
    Confirmation,

    /// <summary>To an under-16's parent or guardian: what their child signed up for, with the consent link.</summary>
    GuardianConsentRequest,
}

/// <summary>The email queue's message: ids only.</summary>
public sealed record EmailMessage(string ApplicantId, EmailKind Kind);
