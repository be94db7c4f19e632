using System.Globalization;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// Writes the emails to the person about their application: the plain text here, the HTML by the template from the
/// same data. Every one carries a fresh link to their status page.
/// </summary>
public sealed class ApplicationEmails(ApplicationLinks links, PersonLinks personLinks, IOptions<PipelineOptions> options, IEmailTemplates templates)
{
    /// <summary>The email that follows from an event, or null when nothing is sent for it.</summary>
    public OutgoingEmail? For(ApplicationChange change, JobApplication application, ApplicantEntity applicant) => change switch
    {
        ApplicationChange.Submitted => Compose(EmailKind.ApplicationReceived, application, applicant, $"Application received: {application.OpportunityTitle}",
            [$"Thank you for applying for {application.OpportunityTitle} at {application.EmployerName}.", "The employer will look at your application and we will email you when it moves on."]),
        ApplicationChange.Invited => Compose(EmailKind.InterviewInvitation, application, applicant, $"Interview invitation: {application.OpportunityTitle}", Invitation(application))
            with
        { Attachments = [CalendarFile.Attachment(InterviewCalendar.For(application, Host, links.StatusUrl(applicant)), "interview.ics")] },
        ApplicationChange.Unsuccessful => Compose(EmailKind.ApplicationOutcome, application, applicant, $"Your application: {application.OpportunityTitle}",
            [$"Thank you for applying for {application.OpportunityTitle} at {application.EmployerName}. This time your application was not successful.", $"The employer's feedback: {application.Feedback}", "Your matches page shows other openings that may suit you."]),
        ApplicationChange.Offered => Compose(EmailKind.OfferMade, application, applicant, $"You have an offer: {application.OpportunityTitle}", Offer(application)),
        ApplicationChange.Started => Compose(EmailKind.StartConfirmed, application, applicant, $"Your start date: {application.OpportunityTitle}",
            [$"{application.EmployerName} has recorded your start in {application.OpportunityTitle} on {Date(application.StartDate)}.", "Good luck in your new role."]),
        _ => null,
    };

    private OutgoingEmail Compose(EmailKind kind, JobApplication application, ApplicantEntity applicant, string heading, IReadOnlyList<string> paragraphs)
    {
        var model = new ApplicationEmail(applicant.FirstName, heading, paragraphs, links.StatusUrl(applicant), PrivacyFooter.For(kind, personLinks, options.Value, applicant));
        var text = $"Hello {model.FirstName},\n\n" + string.Concat(paragraphs.Select(p => p + "\n\n"))
            + $"See your applications and what happens next:\n{model.StatusUrl}\n" + model.Footer.Text;
        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), heading, templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private static List<string> Invitation(JobApplication application)
    {
        var interview = application.Interview!;
        var lines = new List<string>
        {
            $"{application.EmployerName} would like to interview you for {application.OpportunityTitle}.",
            $"When: {interview.Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)} at {interview.Time.ToString("HH:mm", CultureInfo.InvariantCulture)}.",
            interview.VideoLink is { } video ? $"By video: {video}" : $"Where: {interview.Place}",
        };
        if (interview.WhatToBring is { } bring)
        {
            lines.Add($"What to bring: {bring}");
        }

        lines.Add("Accept this time, or ask for another, on your applications page. The calendar file attached adds it to your calendar.");
        return lines;
    }

    private static List<string> Offer(JobApplication application)
    {
        var offer = application.Offer!;
        var lines = new List<string> { $"{application.EmployerName} is offering you the role of {application.OpportunityTitle}." };
        if (offer.Conditional)
        {
            lines.Add($"The offer depends on: {offer.Conditions}");
        }

        if (offer.ProposedStartDate is { } start)
        {
            lines.Add($"Proposed start date: {Date(start)}.");
        }

        lines.Add("Accept or decline the offer on your applications page.");
        return lines;
    }

    /// <summary>The service's host name, which makes the calendar entries' Uids unique in the world.</summary>
    private string Host => Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "careerspipeline";

    private static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "a date to be confirmed";
}
