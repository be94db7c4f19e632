using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// What the privacy link in an email lets its holder do. The person's own link: see and withdraw their consents,
/// download a copy of their data, ask for erasure, give equality monitoring answers. A guardian's link: only withdraw
/// their consent, which erases the child's details (as the guardian's email promises).
/// </summary>
public sealed class PrivacySelfService(
    PersonLinks links,
    ApplicantStore applicants,
    PersonResolver resolver,
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
        var (result, applicant) = await links.ResolveAsync(PrivacyTokenPurposes.Manage, token, cancellationToken);
        if (result == LinkResult.Invalid)
        {
            holder = PrivacyLinkHolder.Guardian;
            (result, applicant) = await links.ResolveAsync(PrivacyTokenPurposes.GuardianManage, token, cancellationToken);
        }

        return new PrivacyLink(result, holder, applicant);
    }

    /// <summary>What the manage page shows.</summary>
    public async Task<ManageView> DescribeAsync(ApplicantEntity applicant, PrivacyLinkHolder holder, CancellationToken cancellationToken)
    {
        await consents.EnsureGuardianConsentRecordedAsync(applicant, cancellationToken);
        var held = await consents.CurrentAsync(applicant, cancellationToken);
        var child = ChildrenPolicy.IsChild(applicant.DateOfBirthValue(), Today());
        IEnumerable<ConsentPurpose> purposes = holder == PrivacyLinkHolder.Guardian
            ? [ConsentPurpose.GuardianConsent]
            : child ? [ConsentPurpose.Contact] : [ConsentPurpose.Contact, ConsentPurpose.Marketing, ConsentPurpose.EqualityMonitoring];
        return new ManageView(
            holder == PrivacyLinkHolder.Person ? applicant.FirstName : null,
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

            // Without the guardian's consent nothing about the child may be processed: delete the sign-up the guardian
            // was asked about. Only that one: whoever gave this guardian's address may not have been the child at all.
            await consents.SetAsync(applicant, purpose, false, PrivacyNotice.Version, ConsentActor.GuardianByEmailLink, cancellationToken);
            await erasure.EraseAsync([await resolver.ResolveSignUpAsync(applicant, cancellationToken)], ErasureReason.GuardianWithdrawal, null, cancellationToken);
            return WithdrawOutcome.DetailsDeleted;
        }

        if (purpose == ConsentPurpose.GuardianConsent)
        {
            return WithdrawOutcome.NotAllowed;
        }

        var current = await consents.CurrentAsync(applicant, purpose, cancellationToken);
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

    /// <summary>
    /// "Sign me out everywhere": every link sent about any of the person's sign-ups stops working (a new link stamp on
    /// each). New links come with the next email, or from the site's "send me my links" form.
    /// </summary>
    public async Task SignOutEverywhereAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var person = await resolver.ResolvePersonAsync(applicant, cancellationToken);
        foreach (var id in person.ApplicantIds)
        {
            await applicants.ChangeAsync(id, a =>
            {
                a.LinkStamp = PersonLinks.NewStamp();
                return true;
            }, cancellationToken);
        }
    }

    /// <summary>A fresh link to the equality form, offered on the manage page to people aged 16 or over.</summary>
    public string? EqualityLink(ApplicantEntity applicant, string publicBaseUrl) =>
        ChildrenPolicy.MayBeAskedEqualityQuestions(applicant.DateOfBirthValue(), Today())
            ? PrivacyLinks.EqualityUrl(links, publicBaseUrl, applicant)
            : null;

    /// <summary>Checks the equality form's link: it must be an equality link for this very applicant.</summary>
    public async Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveEqualityLinkAsync(string applicantId, string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await links.ResolveAsync(PrivacyTokenPurposes.Equality, token, cancellationToken);
        return result == LinkResult.Done && applicant!.PartitionKey != applicantId ? (LinkResult.Invalid, null) : (result, applicant);
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

/// <summary>What the manage page shows; no name for a guardian (whoever signed up typed it).</summary>
public sealed record ManageView(string? FirstName, PrivacyLinkHolder Holder, bool UnderSixteen, IReadOnlyList<ManagedConsent> Consents);

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
