using System.Globalization;
using Azure;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The employer's side: applicants per opportunity, one application (each opening audited), and the moves. Only for
/// the organisations the member of staff acts for: another organisation's opportunity or application is
/// <see cref="Result{T}.NotFound"/>, exactly like an id that does not exist.
/// </summary>
public sealed class EmployerApplications(ApplicationStore store, OpportunityService opportunities, ApplicationMoves moves, PersonAccessAudit audit)
{
    public const string ReadAction = "ReadApplication";

    public async Task<Result<ApplicantList>> ListAsync(StaffPrincipal staff, string opportunityId, CancellationToken cancellationToken)
    {
        if (await opportunities.FindAsync(staff, opportunityId, cancellationToken) is not Result<Versioned<Opportunity>>.Ok found)
        {
            return new Result<ApplicantList>.NotFound(OpportunityMessages.NotFound);
        }

        var applications = (await store.ListAsync(opportunityId, cancellationToken)).Select(v => v.Value).Where(a => !a.AppliedElsewhere).ToList();
        var counts = Enum.GetValues<ApplicationStatus>().ToDictionary(s => s, s => applications.Count(a => a.Status == s));
        var rows = applications.OrderByDescending(a => a.SubmittedAt)
            .Select(a => new ApplicantRow(a.Id, $"{a.FirstName} {a.LastName}", a.Status, a.SubmittedAt))
            .ToList();
        var opportunity = found.Value.Value;
        return new Result<ApplicantList>.Ok(new ApplicantList(opportunity.Id, opportunity.Title, opportunity.Positions, counts, rows));
    }

    /// <summary>One application, with its history; recorded in the staff audit trail against the person.</summary>
    public async Task<Result<Versioned<EmployerApplicationView>>> GetAsync(StaffPrincipal staff, string applicationId, string? endpoint, CancellationToken cancellationToken)
    {
        if (await FindAsync(staff, applicationId, cancellationToken) is not { } current)
        {
            return new Result<Versioned<EmployerApplicationView>>.NotFound(ApplicationMessages.NotFound);
        }

        await audit.RecordAsync(current.Value.ApplicantId, staff, ReadAction, endpoint, cancellationToken);
        var history = await store.EventsAsync(applicationId, cancellationToken);
        return new Result<Versioned<EmployerApplicationView>>.Ok(new Versioned<EmployerApplicationView>(EmployerApplicationView.Of(current.Value, history), current.ETag));
    }

    /// <summary>In review, shortlisted, or unsuccessful with feedback; the other moves have their own forms.</summary>
    public Task<Result<Versioned<JobApplication>>> MoveAsync(StaffPrincipal staff, string applicationId, MoveInput input, ETag? expected, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ApplicationStatus>(input.To, ignoreCase: true, out var to) || to is not (ApplicationStatus.InReview or ApplicationStatus.Shortlisted or ApplicationStatus.Unsuccessful))
        {
            errors["to"] = ["Choose InReview, Shortlisted or Unsuccessful. Invite to interview, make an offer and record a start have their own forms."];
        }

        var feedback = ApplicationValidator.Text(input.Feedback, "feedback", ApplicationValidator.LongText, errors, to == ApplicationStatus.Unsuccessful ? "Give feedback: the applicant is sent it." : null);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var change = to == ApplicationStatus.Unsuccessful ? ApplicationChange.Unsuccessful : ApplicationChange.Moved;
        return ActAsync(staff, applicationId, expected, (a, now) => ApplicationLifecycle.Move(a, to, change, staff.SubjectId, now, feedback,
            x => to == ApplicationStatus.Unsuccessful ? x with { Feedback = feedback } : x), cancellationToken);
    }

    /// <summary>From shortlisted, an invitation; while interviewing, a new time (the person is asked again).</summary>
    public Task<Result<Versioned<JobApplication>>> InviteAsync(StaffPrincipal staff, string applicationId, InviteInput input, ETag? expected, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var date = Date(input.Date, "date", errors, "Give the interview date, for example 2027-03-14.");
        var timeOfDay = TimeOnly.TryParseExact(input.Time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null;
        if (timeOfDay is null)
        {
            errors["time"] = ["Give the time on the 24-hour clock, for example 14:30."];
        }

        var place = ApplicationValidator.Text(input.Place, "place", ApplicationValidator.ShortText, errors);
        var video = ApplicationValidator.Text(input.VideoLink, "videoLink", ApplicationValidator.ShortText, errors);
        var bring = ApplicationValidator.Text(input.WhatToBring, "whatToBring", ApplicationValidator.LongText, errors);
        if (place is null && video is null)
        {
            errors["place"] = ["Give the place, or a video link."];
        }

        if (video is not null && !(Uri.TryCreate(video, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            errors["videoLink"] = ["Give the video link as a full https:// address."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var invitation = new InterviewInvitation(date!.Value, timeOfDay!.Value, place, video, bring);
        return ActAsync(staff, applicationId, expected, (a, now) => a.Status == ApplicationStatus.Interviewing
            ? ApplicationLifecycle.Update(a, ApplicationChange.Invited, staff.SubjectId, now, x => x with { Interview = invitation })
            : ApplicationLifecycle.Move(a, ApplicationStatus.Interviewing, ApplicationChange.Invited, staff.SubjectId, now, details: x => x with { Interview = invitation }),
            cancellationToken);
    }

    public Task<Result<Versioned<JobApplication>>> OfferAsync(StaffPrincipal staff, string applicationId, OfferInput input, ETag? expected, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var conditions = ApplicationValidator.Text(input.Conditions, "conditions", ApplicationValidator.LongText, errors, input.Conditional ? "Say what the offer depends on, for example references and a DBS check." : null);
        var start = string.IsNullOrWhiteSpace(input.ProposedStartDate) ? null : Date(input.ProposedStartDate, "proposedStartDate", errors, "Give the start date, for example 2027-09-01.");
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        return ActAsync(staff, applicationId, expected, (a, now) => ApplicationLifecycle.Move(a, ApplicationStatus.Offered, ApplicationChange.Offered, staff.SubjectId, now,
            details: x => x with { Offer = new JobOffer(input.Conditional, input.Conditional ? conditions : null, start, now) }), cancellationToken);
    }

    public Task<Result<Versioned<JobApplication>>> StartAsync(StaffPrincipal staff, string applicationId, StartInput input, ETag? expected, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Date(input.StartDate, "startDate", errors, "Give the start date, for example 2027-09-01.");
        return errors.Count > 0
            ? Invalid(errors)
            : ActAsync(staff, applicationId, expected, (a, now) => ApplicationLifecycle.Move(a, ApplicationStatus.Started, ApplicationChange.Started, staff.SubjectId, now,
                details: x => x with { StartDate = start }), cancellationToken);
    }

    private async Task<Result<Versioned<JobApplication>>> ActAsync(StaffPrincipal staff, string applicationId, ETag? expected, Func<JobApplication, DateTimeOffset, LifecycleResult> move, CancellationToken cancellationToken) =>
        await FindAsync(staff, applicationId, cancellationToken) is { } current
            ? await moves.MoveAsync(current, expected, move, cancellationToken)
            : new Result<Versioned<JobApplication>>.NotFound(ApplicationMessages.NotFound);

    /// <summary>An application recorded as made on Find an apprenticeship is the DfE service's to manage, and is not shown here.</summary>
    private async Task<Versioned<JobApplication>?> FindAsync(StaffPrincipal staff, string applicationId, CancellationToken cancellationToken) =>
        await store.FindAsync(applicationId, cancellationToken) is { } found && staff.CanActFor(found.Value.EmployerCode) && !found.Value.AppliedElsewhere ? found : null;

    private static DateOnly? Date(string? value, string field, Dictionary<string, string[]> errors, string message)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [message];
        return null;
    }

    private static Task<Result<Versioned<JobApplication>>> Invalid(Dictionary<string, string[]> errors) =>
        Task.FromResult<Result<Versioned<JobApplication>>>(new Result<Versioned<JobApplication>>.Invalid(errors));
}
