using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.SignUps;

public sealed class ApplicantIdsTests
{
    [Theory]
    [InlineData("a0123456789abcdef01234567")]
    [InlineData("a000000000000000000000000")]
    [InlineData("affffffffffffffffffffffff")]
    public void IsWellFormed_AAnd24LowerCaseHexDigits_IsTrue(string id)
    {
        Assert.True(ApplicantIds.IsWellFormed(id));
    }

    [Fact]
    public void IsWellFormed_IdDerivedAsTheSignUpServiceDoes_IsTrue()
    {
        var tokens = new SignedTokens(Options.Create(new SigningOptions { Key = "k" }), new FakeTimeProvider());

        foreach (var value in new[] { "Website||amelia@example.org|1996-02-01", "School|ST-TRE-02|x@example.org|2011-09-01", string.Empty })
        {
            Assert.True(ApplicantIds.IsWellFormed("a" + tokens.KeyedHash(value)), value);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("0123456789abcdef01234567")] // no prefix
    [InlineData("b0123456789abcdef01234567")] // wrong prefix
    [InlineData("A0123456789abcdef01234567")] // upper-case prefix
    [InlineData("a0123456789ABCDEF01234567")] // upper-case hex
    [InlineData("a0123456789abcdef0123456")] // 23 digits
    [InlineData("a0123456789abcdef012345678")] // 25 digits
    [InlineData("a0123456789abcdeg01234567")] // not hex
    [InlineData(" a0123456789abcdef01234567")]
    [InlineData("a0123456789abcdef01234567 ")]
    [InlineData("a0123456789abcdef0123456/")]
    [InlineData("a0123456789abcdef0123456#")]
    [InlineData("a0123456789abcdef0123456?")]
    [InlineData("../a0123456789abcdef01234")]
    [InlineData("a0123456789abcdef01234567a0123456789abcdef01234567")]
    public void IsWellFormed_AnythingElse_IsFalse(string? id)
    {
        Assert.False(ApplicantIds.IsWellFormed(id));
    }

    [Theory]
    [InlineData("a0123456789abcdef01234567\n")]
    public void IsWellFormed_TrailingNewline_IsFalse(string id)
    {
        Assert.False(ApplicantIds.IsWellFormed(id));
    }
}
