namespace CareersPipeline.Core.Email;

public enum EmailKind
{
    /// <summary>To the applicant: their route and next steps, with the link that verifies their address.</summary>
    Confirmation,

    /// <summary>To a person who asked for their links again (on the site): a new verify link until verified, and the manage link.</summary>
    LinksRequested,

    /// <summary>To an under-16's parent or guardian: what their child signed up for, with the consent link.</summary>
    GuardianConsentRequest,

    /// <summary>To a pledge's and an application's staff contacts: a new levy-transfer application, or a decision on one.</summary>
    LevyTransferUpdate,

    /// <summary>To a pledge's staff contact: the weekly summary of applications awaiting a decision.</summary>
    LevyTransferSummary,

    /// <summary>To a person: one or more strong new matches, as soon as they are found.</summary>
    MatchAlert,

    /// <summary>To a person: the week's new matches, closing-soon first.</summary>
    MatchDigest,

    /// <summary>To a person: something they saved closes in a week, or in two days.</summary>
    ClosingReminder,

    /// <summary>To a new member of staff: an admin invited them; sign in with this address.</summary>
    StaffInvitation,

    /// <summary>To a person: their application was received.</summary>
    ApplicationReceived,

    /// <summary>To a person: an invitation to interview (or a new time for one).</summary>
    InterviewInvitation,

    /// <summary>To a person: their application was not successful, with the employer's feedback.</summary>
    ApplicationOutcome,

    /// <summary>To a person: an offer, conditional or not.</summary>
    OfferMade,

    /// <summary>To a person: their start is recorded.</summary>
    StartConfirmed,

    /// <summary>To admins: messages that failed every attempt wait in poison queues (once a day for the same queues).</summary>
    PoisonAlert,

    /// <summary>To a person who asked, on an opportunity's page, to apply: their signed link to the apply pages.</summary>
    ContinueApplication,

    /// <summary>To an outreach team lead (daily): the people not contacted within the working days allowed.</summary>
    CaseloadUncontacted,

    /// <summary>To an adviser (daily): their overdue and due-today next actions, and sustained-in-work checks due.</summary>
    CaseloadActions,
}
