using System.Text;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// The privacy notice: each purpose with the data used, its lawful basis and how long the data is kept. One source
/// for the notice page (the site's /privacy/, also served at GET /api/privacy/notice) and the notice section of
/// docs/privacy.md (a test keeps the document equal to <see cref="Markdown"/>). Changing the wording means a new
/// <see cref="Version"/>.
/// </summary>
public static class PrivacyNotice
{
    public const string Version = ConsentWording.Current;

    public static string Controller(string icsName) => $"NHS {icsName} Integrated Care Board";

    public static IReadOnlyList<NoticePurpose> Purposes(string icsName) =>
    [
        new(
            "Your sign-up and your Journey to Work",
            "We store what you tell us when you sign up (through the careers website, your school, a recruitment event or a virtual work experience programme), put you on the Journey to Work route that suits you, and email you to confirm.",
            "Name, email address, phone number, date of birth, postcode, career interests, current situation, qualification level, right to work, support needs, preferred language; which way you signed up and its school, event or programme code; what we work out from these (your area from your postcode, your route and why, your stage, whether you confirmed your email).",
            "UK GDPR Article 6(1)(e), public task: the Integrated Care Board's duty to plan and develop the health and care workforce of its area (National Health Service Act 2006, as amended by the Health and Care Act 2022). For anyone under 16, a parent or guardian must agree first.",
            "Until 24 months after your last activity (signing up, confirming your email, giving or changing a consent), then deleted; sooner if you ask."),
        new(
            "Matching you to opportunities",
            "We compare what you told us with the apprenticeships, jobs and other next steps open near you, to find those that fit you best and explain why. You see them on your matches page (through the link in our emails); an outreach adviser you work with can see them too. Matching only suggests: it never decides anything about you, and employers do not see it.",
            "Your career interests, qualification level, date of birth (to check you are old enough on the start date), right to work, whether you drive (if you tell us), your area and how far you will travel, your route, what you saved and which matches we have emailed you about.",
            "UK GDPR Article 6(1)(e), public task, as for your sign-up.",
            "As for your sign-up; your matches are worked out again every night and deleted with it."),
        new(
            "Contacting you about opportunities",
            "Emails about vacancies, apprenticeships, work experience and next steps that match what you told us: a strong new match straight away, a weekly round-up, and reminders before something you saved closes. We email only an address you have confirmed.",
            "Your name, email address, interests, route and area.",
            "UK GDPR Article 6(1)(a), consent: your answer to the contact question (for anyone under 16, with their parent or guardian's agreement too). You can withdraw at any time through the unsubscribe or manage-your-consent link in any of our emails, and we stop straight away.",
            "As for your sign-up. The record of your answer is kept with it."),
        new(
            "News and campaigns",
            $"News about health and care careers and recruitment campaigns in {icsName}.",
            "Your name and email address.",
            "UK GDPR Article 6(1)(a), consent, and regulation 22 of the Privacy and Electronic Communications Regulations 2003. Only for people aged 16 or over: we never send news or campaigns to anyone under 16.",
            "As for your sign-up. You can withdraw at any time through the link in any of our emails."),
        new(
            "A parent or guardian's consent for under-16s",
            "When someone under 16 signs up, we email the parent or guardian they name and do nothing else with the child's details until the parent or guardian agrees. We never show the details of anyone under 16 to employers, and never send them news or campaigns.",
            "The parent or guardian's email address, and when they agreed.",
            "UK GDPR Article 6(1)(e), public task. The parent or guardian's agreement is a safeguard we require, following the ICO's Age appropriate design code (the Children's code).",
            "With the child's sign-up. If the parent or guardian does not agree within 14 days the link expires; if they withdraw, we delete the child's details."),
        new(
            "Equality monitoring (optional)",
            "To check that the service reaches and treats everyone fairly, we ask optional questions about ethnicity, disability, religion or belief, sex, gender identity, sexual orientation and age band. The answers are stored apart from your name and contact details and are only ever reported as counts, with counts under 5 hidden. Staff never see one person's answers. We do not ask anyone under 16.",
            "Your answers (every question can be left out or answered \"prefer not to say\") and the month you gave them.",
            "UK GDPR Article 6(1)(e), public task (the public sector equality duty, Equality Act 2010 section 149), and for this special category data Article 9(2)(g), substantial public interest, with Data Protection Act 2018 Schedule 1 paragraph 8 (equality of opportunity or treatment). Answering is voluntary; if you withdraw, we delete your answers.",
            "Until you withdraw or your sign-up is deleted."),
        new(
            "Records of your consents",
            "Each consent you give or withdraw, with the version of the wording you were shown, when, and whether it was through a sign-up form, a link in an email or a member of staff.",
            "Your answers to each consent question, their dates, and which sign-up or member of staff they came through.",
            "UK GDPR Article 6(1)(c), legal obligation: Article 7(1) requires us to be able to show consent.",
            "As for your sign-up."),
        new(
            "Audit of staff access",
            "A record of which member of staff looked at or changed your details, when, and what they did, so that access can be checked.",
            "The member of staff, the time, your record's reference and the action.",
            "UK GDPR Article 6(1)(c), legal obligation: accountability (Article 5(2)) and security (Article 32).",
            "6 years. When your details are deleted, the entries no longer say whose record it was."),
        new(
            "Copies of emails we send",
            "Emails are sent through Twilio SendGrid. When the service runs without it (for example, in testing), copies are kept in an outbox instead.",
            "The email: your address, the subject and the text.",
            "As for the purpose of the email.",
            "30 days."),
        new(
            "Statistics",
            "Counts of sign-ups by month, way of signing up and route, kept after people's details are deleted so the service can be planned and evaluated.",
            "Counts only: nothing about any one person.",
            "Anonymous statistics are not personal data. Producing them: UK GDPR Article 6(1)(e), public task.",
            "Indefinitely."),
    ];

    public static IReadOnlyList<string> Sharing { get; } =
    [
        "Microsoft (Azure), which hosts the service and stores the data, as our processor.",
        "Twilio SendGrid, which delivers our emails, as our processor. It may process email addresses in the United States under the UK's international data transfer safeguards.",
        "postcodes.io, which turns your postcode into an area. We send it your postcode and nothing else.",
        "Employers, only if you agreed to be contacted, only once you are 16, and only about opportunities that match what you told us.",
    ];

    public static IReadOnlyList<string> Rights { get; } =
    [
        "See everything we hold about you: use the link in any of our emails to download a copy straight away.",
        "Withdraw any consent at any time through the same link; we stop straight away.",
        "Ask us to delete your details through the same link, or by contacting us.",
        "Ask us to correct your details, to restrict how we use them, or object to how we use them, by contacting us.",
        "Complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113) if you are unhappy with how we use your information.",
    ];

    public static string Markdown(string icsName)
    {
        var md = new StringBuilder()
            .Append("Version ").Append(Version).Append(". The data controller is ").Append(Controller(icsName)).Append(".\n\n")
            .Append("We do not make decisions about you by automated means that have legal or similarly significant effects: the Journey to Work route is a suggestion an adviser can change.\n\n");
        foreach (var purpose in Purposes(icsName))
        {
            md.Append("### ").Append(purpose.Name).Append("\n\n")
                .Append(purpose.WhatWeDo).Append("\n\n")
                .Append("- **Data:** ").Append(purpose.DataUsed).Append('\n')
                .Append("- **Lawful basis:** ").Append(purpose.LawfulBasis).Append('\n')
                .Append("- **How long:** ").Append(purpose.Retention).Append("\n\n");
        }

        md.Append("### Who we share your information with\n\n");
        foreach (var line in Sharing)
        {
            md.Append("- ").Append(line).Append('\n');
        }

        md.Append("\n### Your rights\n\n");
        foreach (var line in Rights)
        {
            md.Append("- ").Append(line).Append('\n');
        }

        return md.ToString();
    }
}

/// <summary>One purpose in the notice.</summary>
public sealed record NoticePurpose(string Name, string WhatWeDo, string DataUsed, string LawfulBasis, string Retention);
