using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.People;

/// <summary>
/// Records consent statements (purpose, wording version shown, when, through which door, link or member of staff)
/// and answers what a person currently agrees to. Consent is held per person (PersonKey), so withdrawing through any
/// sign-up's link stops that processing for all of the person's sign-ups; until its address is verified a sign-up is
/// its own person, so its answers change nobody else's. A guardian's consent is the exception: it is held per sign-up
/// (under the applicant id), because a guardian agrees to the one sign-up they were asked about.
/// </summary>
public sealed partial class ConsentLedger(ConsentStore store, TimeProvider time, ILogger<ConsentLedger> logger)
{
    /// <summary>The version of the consent text on the guardian consent page (SignUpLinkPages.GuardianConsentAsync).</summary>
    public const string GuardianPageWordingVersion = "guardian-page-2026-09";

    /// <summary>The contact and marketing answers given on a sign-up form, as the sign-up's own statement.</summary>
    public async Task RecordSignUpAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        foreach (var (purpose, granted) in new[] { (ConsentPurpose.Contact, applicant.ContactConsent), (ConsentPurpose.Marketing, applicant.MarketingConsent) })
        {
            var change = new ConsentView(
                purpose, granted, applicant.ConsentWordingVersion, applicant.ConsentedAt, ConsentGivenBy.Person, ConsentChannel.SignUp,
                applicant.PartitionKey, applicant.Door, applicant.DoorCode, null);
            await store.RecordAsync(applicant.PersonKey, change, cancellationToken);
        }
    }

    /// <summary>
    /// The guardian's consent for an under-16, at the time they gave it on the guardian page. Idempotent: writes
    /// only when no guardian consent is held for the person yet (a withdrawn one is never re-created).
    /// </summary>
    public async Task EnsureGuardianConsentRecordedAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        if (applicant.GuardianConsentedAt is not { } at
            || await store.CurrentAsync(applicant.PartitionKey, ConsentPurpose.GuardianConsent, cancellationToken) is not null)
        {
            return;
        }

        var change = new ConsentView(
            ConsentPurpose.GuardianConsent, true, GuardianPageWordingVersion, at, ConsentGivenBy.Guardian, ConsentChannel.GuardianLink,
            applicant.PartitionKey, applicant.Door, applicant.DoorCode, null);
        if (await store.RecordAsync(applicant.PartitionKey, change, cancellationToken))
        {
            LogChanged(logger, applicant.PartitionKey, ConsentPurpose.GuardianConsent, true);
        }
    }

    /// <summary>Records a grant or a withdrawal; false when it was already the current state.</summary>
    public async Task<bool> SetAsync(ApplicantEntity applicant, ConsentPurpose purpose, bool granted, string wordingVersion, ConsentActor actor, CancellationToken cancellationToken)
    {
        var change = new ConsentView(
            purpose, granted, wordingVersion, time.GetUtcNow(), actor.GivenBy, actor.Channel,
            applicant.PartitionKey, applicant.Door, applicant.DoorCode, actor.StaffSubjectId);
        var key = KeyOf(applicant, purpose);
        var current = await store.CurrentAsync(key, purpose, cancellationToken);
        if (current is not null && current.Granted == granted && !granted)
        {
            // Withdrawing what is already withdrawn changes nothing (the first withdrawal stays the record).
            return false;
        }

        var changed = await store.RecordAsync(key, change, cancellationToken);
        if (changed)
        {
            LogChanged(logger, applicant.PartitionKey, purpose, granted);
        }

        return changed;
    }

    /// <summary>
    /// Makes a sign-up's own statements (its answers, and anything it withdrew through its links before verification)
    /// the person's, oldest first, then removes them from the sign-up. Called when verification merges the sign-up into
    /// <paramref name="personKey"/>; the guardian's consent stays with the sign-up.
    /// </summary>
    public async Task MergeIntoPersonAsync(ApplicantEntity applicant, string personKey, CancellationToken cancellationToken)
    {
        if (applicant.PersonKey == personKey)
        {
            return;
        }

        var own = await store.HistoryAsync(applicant.PersonKey, cancellationToken);
        foreach (var change in own.Where(c => c.Purpose != ConsentPurpose.GuardianConsent).Reverse())
        {
            await store.RecordAsync(personKey, change, cancellationToken);
        }

        await store.DeleteAllAsync(applicant.PersonKey, keep: ConsentPurpose.GuardianConsent, cancellationToken);
    }

    /// <summary>Deletes what is held under a sign-up's own key (a guardian's consent, or everything while unverified).</summary>
    public Task<int> ForgetSignUpAsync(string applicantId, CancellationToken cancellationToken) => store.DeleteAllAsync(applicantId, cancellationToken);

    /// <summary>What is held for this sign-up: the person's consents, and the guardian's for this very sign-up.</summary>
    public async Task<IReadOnlyDictionary<ConsentPurpose, ConsentView>> CurrentAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var held = (await store.CurrentAsync(applicant.PersonKey, cancellationToken)).Where(c => c.Purpose != ConsentPurpose.GuardianConsent).ToDictionary(c => c.Purpose);
        if (await store.CurrentAsync(applicant.PartitionKey, ConsentPurpose.GuardianConsent, cancellationToken) is { } guardian)
        {
            held[ConsentPurpose.GuardianConsent] = guardian;
        }

        return held;
    }

    public Task<ConsentView?> CurrentAsync(ApplicantEntity applicant, ConsentPurpose purpose, CancellationToken cancellationToken) =>
        store.CurrentAsync(KeyOf(applicant, purpose), purpose, cancellationToken);

    public async Task<IReadOnlyDictionary<ConsentPurpose, ConsentView>> CurrentAsync(string personKey, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(personKey, cancellationToken)).ToDictionary(c => c.Purpose);

    public Task<ConsentView?> CurrentAsync(string personKey, ConsentPurpose purpose, CancellationToken cancellationToken) =>
        store.CurrentAsync(personKey, purpose, cancellationToken);

    public Task<IReadOnlyList<ConsentView>> HistoryAsync(string personKey, CancellationToken cancellationToken) =>
        store.HistoryAsync(personKey, cancellationToken);

    private static string KeyOf(ApplicantEntity applicant, ConsentPurpose purpose) =>
        purpose == ConsentPurpose.GuardianConsent ? applicant.PartitionKey : applicant.PersonKey;

    [LoggerMessage(Level = LogLevel.Information, Message = "Consent {Purpose} for applicant {ApplicantId} set to {Granted}")]
    private static partial void LogChanged(ILogger logger, string applicantId, ConsentPurpose purpose, bool granted);
}
