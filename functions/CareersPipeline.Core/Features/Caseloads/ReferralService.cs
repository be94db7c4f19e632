using System.Globalization;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// A partner's referral: checked like a sign-up's details, refused without the person's agreement to be contacted,
/// and stored as a supported-route sign-up that is active at once, so it lands on the triage list (no confirmation
/// email: the person did not sign up themselves; an adviser contacts them). The contact consent is recorded as the
/// person's, given through the partner (channel <see cref="ConsentChannel.PartnerReferral"/>, the partner's code as the
/// door code, wording <see cref="WordingVersion"/>); the referral is the first line of the person's case timeline, so
/// it is exported and erased with the case. Logs carry the new id and the partner's code only.
/// </summary>
public sealed partial class ReferralService(
    ReferralPartners partners,
    ApplicantStore applicants,
    PersonDirectory directory,
    ConsentStore consents,
    CaseStore cases,
    TimeProvider time,
    ILogger<ReferralService> logger)
{
    /// <summary>The version of the consent statement on the referral form (what the partner confirms the person agreed to).</summary>
    public const string WordingVersion = "partner-referral-2026-12";

    public const string ConsentStatement = "The person has agreed that we may share these details with the NHS careers service, and that an outreach adviser may contact them about careers in health and care.";

    public async Task<Result<string>> SubmitAsync(string? token, ReferralInput input, CancellationToken cancellationToken)
    {
        if (await partners.ReadLinkAsync(token, cancellationToken) is not { } partner)
        {
            return new Result<string>.NotFound("This referral link is not valid or has been withdrawn. Ask the careers service for a new one.");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        var first = FieldChecks.Text(errors, "firstName", input.FirstName, 100, required: true);
        var last = FieldChecks.Text(errors, "lastName", input.LastName, 100, required: true);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : FieldChecks.Email(errors, "email", input.Email);
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : UkFormats.NormalisePhone(input.Phone);
        if (!string.IsNullOrWhiteSpace(input.Phone) && phone is null)
        {
            errors.Add("phone", "Enter a UK phone number, like 07700 900 982.");
        }

        if (string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add("email", "Give an email address or a phone number, so an adviser can contact them.");
        }

        var born = FieldChecks.Date(errors, "dateOfBirth", input.DateOfBirth, required: true);
        if (born is { } b && (b > today || ChildrenPolicy.IsChild(b, today)))
        {
            // An under-16 needs a guardian's consent, which only the school door asks for.
            errors.Add("dateOfBirth", "Referrals are for people aged 16 or over.");
        }

        var postcode = string.IsNullOrWhiteSpace(input.Postcode) ? null : UkFormats.NormalisePostcode(input.Postcode);
        if (postcode is null)
        {
            errors.Add("postcode", "Enter a full UK postcode, like ST4 6QG.");
        }

        var language = FieldChecks.Text(errors, "preferredLanguage", input.PreferredLanguage, 40, required: false) ?? "en";
        var needs = new List<SupportNeed>();
        foreach (var need in input.SupportNeeds ?? [])
        {
            if (FieldChecks.Enum<SupportNeed>(errors, "supportNeeds", need, required: true) is { } parsed)
            {
                needs.Add(parsed);
            }
        }

        var situation = FieldChecks.Enum<CurrentSituation>(errors, "currentSituation", input.CurrentSituation, required: false) ?? CurrentSituation.Other;
        var qualification = FieldChecks.Enum<QualificationLevel>(errors, "qualificationLevel", input.QualificationLevel, required: false) ?? QualificationLevel.None;
        var rightToWork = FieldChecks.Enum<RightToWork>(errors, "rightToWork", input.RightToWork, required: false) ?? RightToWork.NotSure;
        if (input.ConsentToContact != true)
        {
            errors.Add("consentToContact", "Confirm the person agreed to be contacted; without it we cannot take the referral.");
        }

        var referrer = FieldChecks.Text(errors, "referrerName", input.ReferrerName, 100, required: true);
        var referrerEmail = FieldChecks.Email(errors, "referrerEmail", input.ReferrerEmail);
        if (!errors.IsEmpty)
        {
            return new Result<string>.Invalid(errors.ToDictionary());
        }

        var id = ApplicantIds.New();
        var applicant = new ApplicantEntity
        {
            PartitionKey = id,
            PersonKey = id,
            LinkStamp = PersonLinks.NewStamp(),
            // Door stays Website until the kernel vocabulary has a referral door (docs/caseload.md); the door code says who referred.
            Door = nameof(Door.Website),
            DoorCode = partner.Code,
            FirstName = first!,
            LastName = last!,
            Email = email ?? string.Empty,
            Phone = phone,
            DateOfBirth = born!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Postcode = postcode!,
            CareerInterests = nameof(CareerFamily.NotSureYet),
            CurrentSituation = situation.ToString(),
            QualificationLevel = qualification.ToString(),
            RightToWork = rightToWork.ToString(),
            SupportNeeds = ApplicantEntityExtensions.Csv(needs),
            PreferredLanguage = language,
            ContactConsent = true,
            MarketingConsent = false,
            ConsentWordingVersion = WordingVersion,
            ConsentedAt = now,
            Status = nameof(ApplicantStatus.Active),
            Route = nameof(JourneyRoute.SeldomHeardSupported),
            RouteReason = $"Referred by {partner.Name}",
            Stage = nameof(JourneyStage.Registered),
            CreatedAt = now,
            ProcessedAt = now,
        };

        await consents.RecordAsync(id, new ConsentView(
            ConsentPurpose.Contact, true, WordingVersion, now, ConsentGivenBy.Person, ConsentChannel.PartnerReferral, id, applicant.Door, partner.Code, null), cancellationToken);
        await applicants.TryAddAsync(applicant, cancellationToken);
        if (email is not null)
        {
            await directory.AddSignUpAsync(email, id, now, cancellationToken);
        }

        await cases.AddEntryAsync(id, new CaseEntry(
            CaseStore.NewEntryId(now), CaseEntryKind.Referred, now, $"{referrer} ({partner.Name})", today, partner.Code, null, null, null, null,
            $"Referred by {referrer} ({referrerEmail}) of {partner.Name}"), cancellationToken);
        LogReferred(logger, id, partner.Code);
        return new Result<string>.Ok(id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ApplicantId} from partner {PartnerCode}")]
    private static partial void LogReferred(ILogger logger, string applicantId, string partnerCode);
}
