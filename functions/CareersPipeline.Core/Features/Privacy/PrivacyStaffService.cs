using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Consent changes made by staff on a person's behalf (by phone, letter or in person): an adviser or admin records a
/// contact or marketing consent with the wording version they read out, or a withdrawal of any purpose. The staff
/// member is the source of the statement in the history. An adviser acts only for people on their own caseload;
/// admins for anyone.
/// </summary>
public sealed class PrivacyStaffService(ApplicantStore applicants, ConsentLedger consents, EqualityStore equality, CaseloadStore caseloads, TimeProvider time)
{
    public const string NotHeld = "We hold nothing for that applicant id (never held, or erased).";

    public async Task<Result<StaffConsentChanged>> ChangeConsentAsync(string applicantId, ConsentPurpose purpose, bool? granted, string? wordingVersion, StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!ApplicantIds.IsWellFormed(applicantId) || await applicants.FindAsync(applicantId, cancellationToken) is not { } applicant)
        {
            return new Result<StaffConsentChanged>.NotFound(NotHeld);
        }

        if (!staff.Roles.Contains(StaffRole.Admin) && !await caseloads.ContainsAsync(staff.SubjectId, applicantId, cancellationToken))
        {
            return new Result<StaffConsentChanged>.Forbidden("Advisers change consents only for people on their own caseload.");
        }

        var errors = new ValidationErrors();
        if (granted is null)
        {
            errors.Add("granted", "Say whether the consent is given (true) or withdrawn (false).");
        }
        else if (granted.Value)
        {
            if (purpose is not (ConsentPurpose.Contact or ConsentPurpose.Marketing))
            {
                errors.Add("granted", $"Staff can record only contact and marketing consents; {purpose} is given by the person or their guardian themselves.");
            }
            else if (purpose == ConsentPurpose.Marketing && !ChildrenPolicy.MayReceiveMarketing(applicant.DateOfBirthValue(), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)))
            {
                errors.Add("granted", "News and campaigns are only for people aged 16 or over.");
            }

            if (string.IsNullOrWhiteSpace(wordingVersion))
            {
                errors.Add("wordingVersion", "Give the version of the consent wording the person was told.");
            }
        }
        else if (purpose == ConsentPurpose.GuardianConsent)
        {
            errors.Add("granted", "A guardian's consent is withdrawn by the guardian's own link, or by erasing the person's details.");
        }

        if (wordingVersion is { Length: > 20 })
        {
            errors.Add("wordingVersion", "The wording version must be 20 characters or fewer.");
        }

        if (!errors.IsEmpty)
        {
            return new Result<StaffConsentChanged>.Invalid(errors.ToDictionary());
        }

        if (purpose == ConsentPurpose.EqualityMonitoring)
        {
            await equality.DeleteAsync(applicant.PersonKey, cancellationToken);
        }

        var changed = await consents.SetAsync(applicant, purpose, granted!.Value, wordingVersion?.Trim() ?? PrivacyNotice.Version, ConsentActor.Staff(staff.SubjectId), cancellationToken);
        return new Result<StaffConsentChanged>.Ok(new StaffConsentChanged(changed, (await consents.CurrentAsync(applicant, purpose, cancellationToken))!));
    }
}
