using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// What the privacy link in an email lets its holder do. The person's own link: see and withdraw their consents,
/// download a copy of their data, ask for erasure, give equality monitoring answers. A guardian's link: only withdraw
/// their consent, which erases the child's details (as the guardian's email promises).
/// </summary>
public sealed class PrivacySelfService(
    SignedTokens tokens,
    ApplicantStore applicants,
    ConsentLedger consents,
    EqualityStore equality,
    PersonErasure erasure,
    SubjectAccessService access,
    TimeProvider time)
{
    /// <summary>The wording version of the equality monitoring form.</summary>
    public const string EqualityWordingVersion = "equality-2026-09";

    public async Task<PrivacyLink> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        var holder = PrivacyLinkHolder.Person;
        var check = tokens.Read(PrivacyTokenPurposes.Manage, token);
        if (check.State == TokenState.Invalid)
        {
            holder = PrivacyLinkHolder.Guardian;
            check = tokens.Read(PrivacyTokenPurposes.GuardianManage, token);
        }

        return check.State switch
        {
            TokenState.Invalid => new PrivacyLink(LinkResult.Invalid, holder, null),
            TokenState.Expired => new PrivacyLink(LinkResult.Expired, holder, null),
            _ => await applicants.FindAsync(check.Subject!, cancellationToken) is { } applicant
                ? new PrivacyLink(LinkResult.Done, holder, applicant)
                : new PrivacyLink(LinkResult.NotFound, holder, null),
        };
    }

    /// <summary>What the manage page shows.</summary>
    public async Task<ManageView> DescribeAsync(ApplicantEntity applicant, PrivacyLinkHolder holder, CancellationToken cancellationToken)
    {
        await consents.EnsureGuardianConsentRecordedAsync(applicant, cancellationToken);
        var held = await consents.CurrentAsync(applicant.PersonKey, cancellationToken);
        var child = ChildrenPolicy.IsChild(applicant.DateOfBirthValue(), Today());
        IEnumerable<ConsentPurpose> purposes = holder == PrivacyLinkHolder.Guardian
            ? [ConsentPurpose.GuardianConsent]
            : child ? [ConsentPurpose.Contact] : [ConsentPurpose.Contact, ConsentPurpose.Marketing, ConsentPurpose.EqualityMonitoring];
        return new ManageView(
            applicant.FirstName,
            holder,
            child,
            [.. purposes.Select(p => new ManagedConsent(p, held.TryGetValue(p, out var c) && c.Granted, held.GetValueOrDefault(p)?.At))]);
    }

    public async Task<WithdrawOutcome> WithdrawAsync(ApplicantEntity applicant, PrivacyLinkHolder holder, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        if (holder == PrivacyLinkHolder.Guardian)
        {
            if (purpose != ConsentPurpose.GuardianConsent)
            {
                return WithdrawOutcome.NotAllowed;
            }

            // Without the guardian's consent nothing about the child may be processed: delete it all.
            await consents.SetAsync(applicant, purpose, false, PrivacyNotice.Version, ConsentActor.GuardianByEmailLink, cancellationToken);
            await erasure.EraseAsync(applicant.PartitionKey, ErasureReason.GuardianWithdrawal, null, cancellationToken);
            return WithdrawOutcome.DetailsDeleted;
        }

        if (purpose == ConsentPurpose.GuardianConsent)
        {
            return WithdrawOutcome.NotAllowed;
        }

        var current = await consents.CurrentAsync(applicant.PersonKey, purpose, cancellationToken);
        if (purpose == ConsentPurpose.EqualityMonitoring)
        {
            var deleted = await equality.DeleteAsync(applicant.PersonKey, cancellationToken);
            if (current is not { Granted: true } && deleted == 0)
            {
                return WithdrawOutcome.AlreadyWithdrawn;
            }
        }

        return await consents.SetAsync(applicant, purpose, false, PrivacyNotice.Version, ConsentActor.PersonByEmailLink, cancellationToken)
            ? WithdrawOutcome.Withdrawn
            : WithdrawOutcome.AlreadyWithdrawn;
    }

    public Task<JsonObject?> ExportAsync(ApplicantEntity applicant, CancellationToken cancellationToken) =>
        access.ExportAsync(applicant.PartitionKey, SubjectAccessAudience.DataSubject, cancellationToken);

    public Task<ErasureOutcome?> EraseAsync(ApplicantEntity applicant, CancellationToken cancellationToken) =>
        erasure.EraseAsync(applicant.PartitionKey, ErasureReason.DataSubjectRequest, null, cancellationToken);

    /// <summary>A fresh link to the equality form, offered on the manage page to people aged 16 or over.</summary>
    public string? EqualityLink(ApplicantEntity applicant, string publicBaseUrl) =>
        ChildrenPolicy.MayBeAskedEqualityQuestions(applicant.DateOfBirthValue(), Today())
            ? PrivacyLinks.EqualityUrl(tokens, publicBaseUrl, applicant.PartitionKey)
            : null;

    /// <summary>Checks the equality form's link: it must be an equality link for this very applicant.</summary>
    public async Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveEqualityLinkAsync(string applicantId, string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Read(PrivacyTokenPurposes.Equality, token);
        if (check.State == TokenState.Invalid || check.Subject != applicantId)
        {
            return (LinkResult.Invalid, null);
        }

        if (check.State == TokenState.Expired)
        {
            return (LinkResult.Expired, null);
        }

        return await applicants.FindAsync(applicantId, cancellationToken) is { } applicant ? (LinkResult.Done, applicant) : (LinkResult.NotFound, null);
    }

    public async Task<EqualityOutcome> SubmitEqualityAsync(ApplicantEntity applicant, EqualityRequest request, CancellationToken cancellationToken)
    {
        if (!ChildrenPolicy.MayBeAskedEqualityQuestions(applicant.DateOfBirthValue(), Today()))
        {
            return new EqualityOutcome.UnderAge();
        }

        var (answers, errors) = request.Validate();
        if (answers is null)
        {
            return new EqualityOutcome.Invalid(errors);
        }

        await equality.SaveAsync(applicant.PersonKey, answers, time.GetUtcNow(), cancellationToken);
        await consents.SetAsync(applicant, ConsentPurpose.EqualityMonitoring, true, EqualityWordingVersion, new ConsentActor(ConsentGivenBy.Person, ConsentChannel.EqualityForm), cancellationToken);
        return new EqualityOutcome.Saved();
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}

public sealed record PrivacyLink(LinkResult Result, PrivacyLinkHolder Holder, ApplicantEntity? Applicant);

public sealed record ManageView(string FirstName, PrivacyLinkHolder Holder, bool UnderSixteen, IReadOnlyList<ManagedConsent> Consents);

public sealed record ManagedConsent(ConsentPurpose Purpose, bool Granted, DateTimeOffset? Since);

public enum WithdrawOutcome
{
    Withdrawn,
    AlreadyWithdrawn,
    NotAllowed,

    /// <summary>A guardian withdrew: the child's details were erased.</summary>
    DetailsDeleted,
}

public abstract record EqualityOutcome
{
    private EqualityOutcome()
    {
    }

    public sealed record Saved : EqualityOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : EqualityOutcome;

    public sealed record UnderAge : EqualityOutcome;
}
