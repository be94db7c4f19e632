namespace CareersPipeline.Core.People;

/// <summary>What a consent is for. Each purpose is named, with its lawful basis, in the privacy notice.</summary>
public enum ConsentPurpose
{
    /// <summary>Contact about opportunities, matches and next steps on the person's Journey to Work.</summary>
    Contact,

    /// <summary>News and campaigns from the ICS (electronic marketing, PECR). Never for under-16s.</summary>
    Marketing,

    /// <summary>A parent or guardian's agreement that an under-16's details may be processed.</summary>
    GuardianConsent,

    /// <summary>The person chose to give equality monitoring answers; withdrawing deletes them.</summary>
    EqualityMonitoring,
}

/// <summary>Who made the statement.</summary>
public enum ConsentGivenBy
{
    Person,
    Guardian,
    Staff,
}

/// <summary>Where the statement was made: which door's form, which link, or which member of staff.</summary>
public enum ConsentChannel
{
    SignUp,
    EmailLink,
    GuardianLink,
    EqualityForm,
    Staff,

    /// <summary>The one-click unsubscribe of an email (its List-Unsubscribe header or link).</summary>
    Unsubscribe,

    /// <summary>A partner organisation's referral form: the person's agreement, passed on by the partner (DoorCode: the partner's code).</summary>
    PartnerReferral,

    /// <summary>A sign-up an adviser filled in with the person: the person's statement, made to that adviser (StaffSubjectId).</summary>
    AdviserAssisted,
}

/// <summary>A consent statement, as held: current state (one per purpose) or one entry of the append-only history.</summary>
public sealed record ConsentView(
    ConsentPurpose Purpose,
    bool Granted,
    string WordingVersion,
    DateTimeOffset At,
    ConsentGivenBy GivenBy,
    ConsentChannel Channel,
    string? ApplicantId,
    string? Door,
    string? DoorCode,
    string? StaffSubjectId);

/// <summary>Who is changing a consent, and through what, for the record.</summary>
public sealed record ConsentActor(ConsentGivenBy GivenBy, ConsentChannel Channel, string? StaffSubjectId = null)
{
    public static ConsentActor PersonByEmailLink { get; } = new(ConsentGivenBy.Person, ConsentChannel.EmailLink);

    public static ConsentActor GuardianByEmailLink { get; } = new(ConsentGivenBy.Guardian, ConsentChannel.GuardianLink);

    public static ConsentActor Staff(string subjectId) => new(ConsentGivenBy.Staff, ConsentChannel.Staff, subjectId);
}
