using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// A person's side of applying, behind their signed link: apply (one table transaction and one queue message), record
/// an application made on Find an apprenticeship, see every application, withdraw, answer an interview or an offer.
/// Only a verified person applies, never an under-16 for a job, never to a closed opportunity.
/// </summary>
public sealed partial class PersonApplications(
    ApplicationStore store,
    OpportunityStore opportunities,
    ApplicationMoves moves,
    ApplicationLinks links,
    QueueSender queue,
    TimeProvider time,
    ILogger<PersonApplications> logger)
{
    /// <summary>What an event made by the person records as its author: never their name or id.</summary>
    public const string ByPerson = "person";

    public Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveAsync(string? token, CancellationToken cancellationToken) =>
        links.ResolveAsync(token, cancellationToken);

    /// <summary>Whether the person may apply for the opportunity, with the answers to start from.</summary>
    public async Task<Result<ApplyStart>> StartAsync(ApplicantEntity applicant, string opportunityId, CancellationToken cancellationToken)
    {
        var (opportunity, existing, refusal) = await CheckAsync<ApplyStart>(applicant, opportunityId, national: null, cancellationToken);
        return refusal ?? new Result<ApplyStart>.Ok(ApplyStart.Of(opportunity!, Prefill(applicant), existing?.Value));
    }

    public async Task<Result<Applied>> ApplyAsync(ApplicantEntity applicant, string opportunityId, ApplicationInput input, CancellationToken cancellationToken)
    {
        var (opportunity, existing, refusal) = await CheckAsync<Applied>(applicant, opportunityId, national: false, cancellationToken);
        if (existing is not null)
        {
            return new Result<Applied>.Ok(new Applied(existing.Value, Created: false));
        }

        if (refusal is not null)
        {
            return refusal;
        }

        var (answers, errors) = ApplicationValidator.Validate(input);
        return answers is null
            ? new Result<Applied>.Invalid(errors)
            : await CreateAsync(applicant, opportunity!, answers, cancellationToken);
    }

    /// <summary>A national vacancy: the person applied on Find an apprenticeship, and records it so their journey counts it.</summary>
    public async Task<Result<Applied>> AppliedElsewhereAsync(ApplicantEntity applicant, string opportunityId, CancellationToken cancellationToken)
    {
        var (opportunity, existing, refusal) = await CheckAsync<Applied>(applicant, opportunityId, national: true, cancellationToken);
        if (existing is not null)
        {
            return new Result<Applied>.Ok(new Applied(existing.Value, Created: false));
        }

        return refusal ?? await CreateAsync(applicant, opportunity!, answers: null, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonApplicationView>> ListAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var views = new List<PersonApplicationView>();
        foreach (var id in await store.IdsOfPersonAsync(applicant.PersonKey, cancellationToken))
        {
            if (await store.FindAsync(id, cancellationToken) is { } found && found.Value.PersonKey == applicant.PersonKey)
            {
                views.Add(PersonApplicationView.Of(found.Value));
            }
        }

        return [.. views.OrderByDescending(v => v.SubmittedAt)];
    }

    public async Task<Result<PersonApplicationView>> GetAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        await FindOwnAsync(applicant, applicationId, cancellationToken) is { } found
            ? new Result<PersonApplicationView>.Ok(PersonApplicationView.Of(found.Value))
            : new Result<PersonApplicationView>.NotFound(ApplicationMessages.NotFound);

    public Task<Result<PersonApplicationView>> WithdrawAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        ActAsync(applicant, applicationId, (a, now) => ApplicationLifecycle.Move(a, ApplicationStatus.Withdrawn, ApplicationChange.Withdrawn, ByPerson, now), cancellationToken);

    public Task<Result<PersonApplicationView>> AcceptOfferAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        ActAsync(applicant, applicationId, (a, now) => ApplicationLifecycle.Move(a, ApplicationStatus.Accepted, ApplicationChange.OfferAccepted, ByPerson, now), cancellationToken);

    public Task<Result<PersonApplicationView>> DeclineOfferAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        ActAsync(applicant, applicationId, (a, now) => ApplicationLifecycle.Move(a, ApplicationStatus.Declined, ApplicationChange.OfferDeclined, ByPerson, now), cancellationToken);

    public Task<Result<PersonApplicationView>> AcceptInterviewAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        AnswerInterviewAsync(applicant, applicationId, InterviewResponse.Accepted, null, cancellationToken);

    public Task<Result<PersonApplicationView>> AskAnotherTimeAsync(ApplicantEntity applicant, string applicationId, string? note, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = ApplicationValidator.Text(note, "note", ApplicationValidator.ShortText, errors, "Say which days and times suit you better.");
        return errors.Count > 0
            ? Task.FromResult<Result<PersonApplicationView>>(new Result<PersonApplicationView>.Invalid(errors))
            : AnswerInterviewAsync(applicant, applicationId, InterviewResponse.AnotherTimeAsked, text, cancellationToken);
    }

    private Task<Result<PersonApplicationView>> AnswerInterviewAsync(ApplicantEntity applicant, string applicationId, InterviewResponse response, string? note, CancellationToken cancellationToken) =>
        ActAsync(applicant, applicationId, (a, now) => a.Status != ApplicationStatus.Interviewing || a.Interview is null
            ? LifecycleResult.Refused("There is no interview invitation to answer on this application.")
            : ApplicationLifecycle.Update(
                a,
                response == InterviewResponse.Accepted ? ApplicationChange.InterviewAccepted : ApplicationChange.AnotherTimeAsked,
                ByPerson,
                now,
                x => x with { Interview = x.Interview! with { Response = response, ResponseNote = note } },
                note),
            cancellationToken);

    private async Task<Result<PersonApplicationView>> ActAsync(ApplicantEntity applicant, string applicationId, Func<JobApplication, DateTimeOffset, LifecycleResult> move, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(applicant, applicationId, cancellationToken) is not { } current)
        {
            return new Result<PersonApplicationView>.NotFound(ApplicationMessages.NotFound);
        }

        return (await moves.MoveAsync(current, expected: null, move, cancellationToken)).Map(v => PersonApplicationView.Of(v.Value));
    }

    private async Task<Versioned<JobApplication>?> FindOwnAsync(ApplicantEntity applicant, string applicationId, CancellationToken cancellationToken) =>
        await store.FindAsync(applicationId, cancellationToken) is { } found && found.Value.PersonKey == applicant.PersonKey && IsVerified(applicant) ? found : null;

    private async Task<Result<Applied>> CreateAsync(ApplicantEntity applicant, Opportunity opportunity, ApplicationAnswers? answers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var application = new JobApplication
        {
            Id = ApplicationIds.New(opportunity.Id),
            OpportunityId = opportunity.Id,
            OpportunityTitle = opportunity.Title,
            EmployerCode = opportunity.EmployerCode,
            EmployerName = opportunity.EmployerName,
            ApplicantId = applicant.PartitionKey,
            PersonKey = applicant.PersonKey,
            FirstName = applicant.FirstName,
            LastName = applicant.LastName,
            Email = applicant.Email,
            Phone = applicant.Phone,
            Answers = answers,
            AppliedElsewhere = answers is null,
            Sequence = 1,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        var first = new ApplicationEvent(1, answers is null ? ApplicationChange.AppliedElsewhere : ApplicationChange.Submitted, ApplicationStatus.Submitted, ApplicationStatus.Submitted, now, ByPerson);
        if (await store.TryAddAsync(application, first, cancellationToken) is null)
        {
            // Two presses of Submit at once: the other request made it.
            return await store.FindForPersonAsync(opportunity.Id, applicant.PersonKey, cancellationToken) is { } made
                ? new Result<Applied>.Ok(new Applied(made.Value, Created: false))
                : new Result<Applied>.Conflict(ApplicationMessages.Busy);
        }

        await queue.SendAsync(StorageNames.Queues.Applications, new ApplicationMessage(application.Id, first.Sequence), cancellationToken);
        LogApplied(logger, application.Id, first.Change);
        return new Result<Applied>.Ok(new Applied(application, Created: true));
    }

    /// <summary>
    /// The rules of applying, in the order a person would want to hear them. <paramref name="national"/>: true to record
    /// an application made on Find an apprenticeship, false to apply here, null to ask which applies.
    /// </summary>
    private async Task<(Opportunity? Opportunity, Versioned<JobApplication>? Existing, Result<T>? Refusal)> CheckAsync<T>(ApplicantEntity applicant, string opportunityId, bool? national, CancellationToken cancellationToken)
    {
        if (!IsVerified(applicant))
        {
            return (null, null, new Result<T>.Forbidden(ApplicationMessages.NotVerified));
        }

        var found = await opportunities.FindAsync(opportunityId, cancellationToken);
        if (found is null || found.Value.Status == OpportunityStatus.Draft)
        {
            return (null, null, new Result<T>.NotFound(ApplicationMessages.OpportunityNotFound));
        }

        var opportunity = found.Value;
        if (await store.FindForPersonAsync(opportunity.Id, applicant.PersonKey, cancellationToken) is { } existing)
        {
            return (opportunity, existing, null);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // Every kind of opportunity published today is a job; work experience and events will be open to under-16s.
        if (ChildrenPolicy.IsChild(applicant.DateOfBirthValue(), today))
        {
            return (opportunity, null, new Result<T>.Forbidden(ApplicationMessages.UnderSixteen));
        }

        if (opportunity.Status != OpportunityStatus.Live || opportunity.ClosingDate < today)
        {
            return (opportunity, null, new Result<T>.Conflict(ApplicationMessages.Closed(opportunity.ClosingDate)));
        }

        var isNational = opportunity.Source == OpportunitySource.National;
        return national switch
        {
            false when isNational => (opportunity, null, new Result<T>.Conflict(ApplicationMessages.National)),
            true when !isNational => (opportunity, null, new Result<T>.Conflict(ApplicationMessages.NotNational)),
            _ => (opportunity, null, null),
        };
    }

    /// <summary>Only a person whose address is verified applies: until then a sign-up is its own person, and anyone could have made it.</summary>
    private static bool IsVerified(ApplicantEntity applicant) => applicant.EmailVerifiedAt is not null;

    /// <summary>What the sign-up already says, so it is not asked again: a student's studies.</summary>
    private static ApplicationInput Prefill(ApplicantEntity applicant) => new(
        StudyExperience: applicant.CurrentSituation == nameof(CurrentSituation.InEducation) ? "I am in education now." : null,
        PaidExperience: applicant.CurrentSituation == nameof(CurrentSituation.EmployedElsewhere) ? "I am working now." : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} made ({Change})")]
    private static partial void LogApplied(ILogger logger, string applicationId, ApplicationChange change);
}
