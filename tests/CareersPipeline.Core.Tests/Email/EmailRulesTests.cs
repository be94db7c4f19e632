using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Web.Rendering;

namespace CareersPipeline.Core.Tests.Email;

/// <summary>Adding an email kind is a template and a line of rules; a kind missing either fails here.</summary>
public sealed class EmailRulesTests
{
    [Fact]
    public void EveryEmailKind_HasRules()
    {
        Assert.All(Enum.GetValues<EmailKind>(), kind => Assert.True(EmailRules.All.ContainsKey(kind), $"EmailKind.{kind} has no line in EmailRules."));
    }

    [Fact]
    public void EveryEmailKind_HasATemplate()
    {
        Assert.All(Enum.GetValues<EmailKind>(), kind => Assert.True(RazorEmailTemplates.ByKind.ContainsKey(kind), $"EmailKind.{kind} has no template in RazorEmailTemplates."));
    }

    [Fact]
    public void AKindWithoutRules_IsNeverSent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmailRules.For((EmailKind)999));
    }

    [Fact]
    public void Recipients_TheConsentRequestGoesToTheGuardian_AndNoContactEmailToAnUnverifiedAddress()
    {
        var applicant = new ApplicantEntity { Email = "child@example.org", GuardianEmail = "parent@example.org" };

        Assert.Equal("parent@example.org", EmailRules.For(EmailKind.GuardianConsentRequest).AddressOf(applicant));
        Assert.Equal("child@example.org", EmailRules.For(EmailKind.Confirmation).AddressOf(applicant));
        Assert.All(
            EmailRules.All.Where(r => r.Value.Class != EmailClass.Transactional),
            r => Assert.Equal(EmailRecipient.VerifiedAddress, r.Value.Recipient));
    }
}
