using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

public sealed class EmailClassificationTests
{
    [Fact]
    public void EveryEmailKind_IsExplicitlyClassified()
    {
        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            Assert.True(EmailRules.All.ContainsKey(kind), $"EmailKind.{kind} is not classified in EmailClassification: say whether it is transactional, contact or marketing.");
        }
    }

    [Fact]
    public void ConfirmationAndGuardianRequest_AreTransactional()
    {
        Assert.Equal(EmailClass.Transactional, EmailClassification.For(EmailKind.Confirmation));
        Assert.Equal(EmailClass.Transactional, EmailClassification.For(EmailKind.GuardianConsentRequest));
    }

    [Fact]
    public void AnUnclassifiedKind_IsTreatedAsMarketing()
    {
        Assert.Equal(EmailClass.Marketing, EmailClassification.For((EmailKind)999));
        Assert.Equal(ConsentPurpose.Marketing, EmailClassification.RequiredConsent(EmailClass.Marketing));
        Assert.Equal(ConsentPurpose.Contact, EmailClassification.RequiredConsent(EmailClass.Contact));
        Assert.Null(EmailClassification.RequiredConsent(EmailClass.Transactional));
    }
}
