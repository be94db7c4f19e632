using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Staff;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

/// <summary>What each party is shown and told, and that an anonymous pledge stays anonymous to applicants until it approves.</summary>
public sealed class LevyViewsAndEmailsTests
{
    private static readonly StaffPrincipal Owner = new("employer-uhnm", "Priya", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "UHNM" });
    private static readonly StaffPrincipal Applicant = new("employer-meadow", "Jo", new HashSet<StaffRole> { StaffRole.Employer }, new HashSet<string> { "MEADOW-CARE" });

    [Fact]
    public void ApplicationView_AnonymousPledge_HidesTheOwnerFromTheApplicant_UntilApproved()
    {
        var pledge = LevyTestData.Pledge();
        var rejected = PledgeApplicationLifecycle.Reject(LevyTestData.Application(), "employer-uhnm", LevyTestData.Now, "Outside our area").Application!;

        var applicantView = ApplicationView.For(rejected, pledge, Applicant);
        var ownerView = ApplicationView.For(rejected, pledge, Owner);

        Assert.Equal(LevyRules.AnonymousEmployerName, applicantView.PledgeEmployerName);
        Assert.Null(applicantView.PledgeEmployerCode);
        Assert.Equal(ApplicationView.PledgeOwner, Assert.Single(applicantView.History).By);
        Assert.Equal("Outside our area", applicantView.History[0].Reason);
        Assert.Equal(pledge.EmployerName, ownerView.PledgeEmployerName);
        Assert.Equal("employer-uhnm", Assert.Single(ownerView.History).By);

        var approved = PledgeApplicationLifecycle.Approve(LevyTestData.Application(), "employer-uhnm", LevyTestData.Now).Application!;
        Assert.Equal(pledge.EmployerName, ApplicationView.For(approved, pledge, Applicant).PledgeEmployerName);
        Assert.Equal(pledge.EmployerName, ApplicationView.For(LevyTestData.Application(), pledge with { NamePublic = true }, Applicant).PledgeEmployerName);
    }

    [Fact]
    public void OpenPledgeView_ShowsNoContactDetails_AndTheNameOnlyIfPublic()
    {
        var pledge = LevyTestData.Pledge();

        Assert.Equal(LevyRules.AnonymousEmployerName, OpenPledgeView.From(pledge).EmployerName);
        Assert.Equal(pledge.EmployerName, OpenPledgeView.From(pledge with { NamePublic = true }).EmployerName);
        Assert.DoesNotContain(typeof(OpenPledgeView).GetProperties(), p => p.Name.StartsWith("Contact", StringComparison.Ordinal));
    }

    [Fact]
    public void Emails_NewApplication_GoesToThePledgeContactOnly()
    {
        var email = Assert.Single(CreateSut().ForChange(LevyTestData.Application(), LevyTestData.Pledge(), 0));

        Assert.Equal("priya.shah@example.org", email.To);
        Assert.Equal(EmailKind.LevyTransferUpdate, email.Kind);
        Assert.Contains("Meadow View Care Home applied for £12,000", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Emails_Decision_GoesToBothContacts_WithoutNamingAnAnonymousOwnerToTheApplicant()
    {
        var pledge = LevyTestData.Pledge();
        var rejected = PledgeApplicationLifecycle.Reject(LevyTestData.Application(), "employer-uhnm", LevyTestData.Now, "Outside <our> area").Application!;

        var emails = CreateSut().ForChange(rejected, pledge, 1);

        Assert.Equal(["priya.shah@example.org", "jo.clarke@example.org"], emails.Select(e => e.To));
        Assert.All(emails, e => Assert.Equal(rejected.Id, e.ReferenceId));
        var toApplicant = emails[1];
        Assert.DoesNotContain("North Midlands", toApplicant.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("North Midlands", toApplicant.Html, StringComparison.Ordinal);
        Assert.Contains("A levy-paying employer did not approve", toApplicant.Text, StringComparison.Ordinal);
        Assert.Contains("Outside &lt;our&gt; area", toApplicant.Html, StringComparison.Ordinal);
        Assert.Contains("University Hospitals of North Midlands NHS Trust did not approve", emails[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Emails_AutomaticDecision_SaysSo()
    {
        var approved = PledgeApplicationLifecycle.Approve(LevyTestData.Application(), LevyRules.Systems.AutoApproval, LevyTestData.Now).Application!;

        var emails = CreateSut().ForChange(approved, LevyTestData.Pledge(), 1);

        Assert.All(emails, e => Assert.Contains("approved Meadow View Care Home's application automatically", e.Text, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Equal("Levy transfer: application approved", e.Subject));
    }

    [Fact]
    public void PendingSummary_ListsEachWaitingApplication()
    {
        var waiting = new[] { LevyTestData.Application(), LevyTestData.Application() with { EmployerName = "Potteries Home Care" } };

        var email = CreateSut().PendingSummary(LevyTestData.Pledge(), waiting, LevyTestData.Now.AddDays(9));

        Assert.Equal(EmailKind.LevyTransferSummary, email.Kind);
        Assert.Equal("Levy transfer: 2 applications are waiting for your decision", email.Subject);
        Assert.Contains("Potteries Home Care", email.Html, StringComparison.Ordinal);
        Assert.Contains("waiting 9 days", email.Text, StringComparison.Ordinal);
    }

    private static LevyEmailComposer CreateSut() => new(Options.Create(new PipelineOptions { PublicBaseUrl = "https://careers.example" }), new RazorEmailTemplates());
}
