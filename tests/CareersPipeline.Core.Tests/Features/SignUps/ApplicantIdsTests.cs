using CareersPipeline.Core.People;

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
    public void New_IsWellFormedAndRandom()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ApplicantIds.New()).ToList();

        Assert.All(ids, id => Assert.True(ApplicantIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
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
