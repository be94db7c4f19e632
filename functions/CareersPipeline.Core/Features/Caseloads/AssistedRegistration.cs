using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Adviser-assisted registration: the sign-up goes through <see cref="SignUpValidator"/> and <see cref="SignUpService"/>
/// (the website door's rules, nothing duplicated here), so it is processed, routed and confirmed like any other; the
/// person's contact and marketing answers are then recorded again as given to this adviser (channel
/// <see cref="ConsentChannel.AdviserAssisted"/>, the adviser's id, the wording version the adviser showed), and the
/// person is opened straight onto the adviser's caseload with the adviser's own record (languages, interpreter, right-to-
/// work evidence type, needs) as a timeline line, so it is exported and erased with the case.
/// </summary>
public sealed class AssistedRegistration(
    SignUpValidator validator,
    SignUpService signUps,
    ApplicantStore applicants,
    ConsentLedger consents,
    CaseService cases,
    CaseStore store,
    TimeProvider time)
{
    private const int NeedsMax = 1000;

    public async Task<Result<Versioned<CaseRecord>>> RegisterAsync(StaffPrincipal staff, AssistedRegistrationInput input, CancellationToken cancellationToken)
    {
        if (!staff.Roles.Contains(StaffRole.Adviser))
        {
            return new Result<Versioned<CaseRecord>>.Forbidden("Only advisers register people onto their caseload.");
        }

        var request = input.SignUp ?? new SignUpRequest();
        var errors = new ValidationErrors();
        foreach (var (field, messages) in validator.Validate(Door.Website, request).Errors)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        var languages = FieldChecks.Text(errors, "languagesSpoken", input.LanguagesSpoken, 200, required: true);
        if (input.InterpreterNeeded is null)
        {
            errors.Add("interpreterNeeded", "Say whether they need an interpreter.");
        }

        var evidence = FieldChecks.Enum<RightToWorkEvidence>(errors, "rightToWorkEvidence", input.RightToWorkEvidence, required: true);
        var qualification = FieldChecks.Text(errors, "qualificationRecognitionNeeds", input.QualificationRecognitionNeeds, NeedsMax, required: false);
        var english = FieldChecks.Text(errors, "englishLanguageNeeds", input.EnglishLanguageNeeds, NeedsMax, required: false);
        if (!errors.IsEmpty)
        {
            return new Result<Versioned<CaseRecord>>.Invalid(errors.ToDictionary());
        }

        var outcome = await signUps.SubmitAsync(Door.Website, request, cancellationToken);
        if (outcome is not SignUpOutcome.Accepted { ApplicantId: var applicantId })
        {
            return outcome switch
            {
                SignUpOutcome.Invalid invalid => new Result<Versioned<CaseRecord>>.Invalid(invalid.Errors),
                SignUpOutcome.UnknownCode u => new Result<Versioned<CaseRecord>>.Invalid(new Dictionary<string, string[]> { [u.Field] = [u.Message] }),
                SignUpOutcome.RetiredCode r => new Result<Versioned<CaseRecord>>.Invalid(new Dictionary<string, string[]> { [r.Field] = [r.Message] }),
                _ => throw new InvalidOperationException("A sign-up outcome this service does not know."),
            };
        }

        var applicant = await applicants.FindAsync(applicantId, cancellationToken)
            ?? throw new InvalidOperationException("The sign-up service accepted a sign-up it did not store.");
        var actor = new ConsentActor(ConsentGivenBy.Person, ConsentChannel.AdviserAssisted, staff.SubjectId);
        await consents.SetAsync(applicant, ConsentPurpose.Contact, applicant.ContactConsent, applicant.ConsentWordingVersion, actor, cancellationToken);
        await consents.SetAsync(applicant, ConsentPurpose.Marketing, applicant.MarketingConsent, applicant.ConsentWordingVersion, actor, cancellationToken);

        var taken = await cases.TakeAsync(staff, applicantId, cancellationToken);
        if (taken is Result<Versioned<CaseRecord>>.Conflict && await store.GetAsync(applicantId, cancellationToken) is { } existing
            && string.Equals(existing.Value.OwnerId, staff.SubjectId, StringComparison.OrdinalIgnoreCase))
        {
            // The same registration sent again (a double click): the sign-up service returned the first sign-up, and its case is this adviser's.
            return new Result<Versioned<CaseRecord>>.Ok(existing);
        }

        if (taken is Result<Versioned<CaseRecord>>.Ok)
        {
            var now = time.GetUtcNow();
            var needs = string.Join("\n", new[] { qualification is null ? null : $"Qualification recognition: {qualification}", english is null ? null : $"English language: {english}" }.OfType<string>());
            await store.AddEntryAsync(applicantId, new CaseEntry(
                CaseStore.NewEntryId(now), CaseEntryKind.Registered, now, staff.DisplayName, DateOnly.FromDateTime(now.UtcDateTime), evidence!.Value.ToString(), null,
                needs.Length == 0 ? null : needs, null, null,
                $"Registered with the adviser. Languages: {languages}. Interpreter needed: {(input.InterpreterNeeded == true ? "yes" : "no")}. Right to work evidenced by: {CaseWords.Of(evidence.Value)}. Consent wording {applicant.ConsentWordingVersion} shown."),
                cancellationToken);
        }

        return taken;
    }
}
