namespace CareersPipeline.Core.Tests.Common;

/// <summary>The one email rule, for sign-ups, guardians and levy contacts alike.</summary>
public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("name@example.com")]
    [InlineData("priya.shah@example.org")]
    [InlineData("jo+careers@nhs.net")]
    [InlineData("o'neill@example.co.uk")]
    public void IsValid_BareAddress_IsTrue(string address)
    {
        Assert.True(EmailAddresses.IsValid(address));
    }

    [Theory]
    [InlineData("priya at example")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@localhost")]
    [InlineData("name@example.")]
    [InlineData("name@@example.com")]
    [InlineData("na me@example.com")]
    [InlineData("<name@example.com>")]
    [InlineData("name(comment)@example.com")]
    [InlineData("Name <name@example.com>")]
    public void IsValid_NotABareAddress_IsFalse(string address)
    {
        Assert.False(EmailAddresses.IsValid(address));
    }

    [Fact]
    public void IsValid_LongerThan254Characters_IsFalse()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".org";
        var address = $"{local}@{domain}";
        Assert.True(address.Length > EmailAddresses.MaxLength);

        Assert.False(EmailAddresses.IsValid(address));
        Assert.True(EmailAddresses.IsValid($"{local}@{domain[^100..]}"));
    }

    [Fact]
    public void FieldChecksEmail_TheStricterRule_RefusesWhatTheLevyCheckOnceAccepted()
    {
        // The levy validators' own check took a display form as long as MailAddress could read it.
        var errors = new ValidationErrors();

        var email = FieldChecks.Email(errors, "contactEmail", "<priya.shah@example.org>");

        Assert.Null(email);
        Assert.Equal([EmailAddresses.FormatMessage], errors.ToDictionary()["contactEmail"]);
    }

    [Fact]
    public void FieldChecksEmail_PaddedAddress_IsTrimmed()
    {
        var errors = new ValidationErrors();

        Assert.Equal("priya.shah@example.org", FieldChecks.Email(errors, "contactEmail", "  priya.shah@example.org "));
        Assert.True(errors.IsEmpty);
    }
}
