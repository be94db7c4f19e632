using CareersPipeline.Core.People;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>The Children's code rules every feature uses: nothing shown to employers, and no marketing, before 16.</summary>
public sealed class ChildrenPolicyTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);

    [Theory]
    [InlineData("2010-09-16", false)] // 16 tomorrow
    [InlineData("2010-09-15", true)] // 16 today
    [InlineData("2010-09-14", true)]
    [InlineData("2013-01-01", false)]
    [InlineData("1990-05-17", true)]
    public void MayShowToEmployer_OnlyFromThe16thBirthday(string dateOfBirth, bool expected)
    {
        Assert.Equal(expected, ChildrenPolicy.MayShowToEmployer(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Theory]
    [InlineData("2010-09-16", false)]
    [InlineData("2010-09-15", true)]
    public void MayReceiveMarketing_OnlyFrom16(string dateOfBirth, bool expected)
    {
        Assert.Equal(expected, ChildrenPolicy.MayReceiveMarketing(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void BornOn29February_Turns16OnTheDay()
    {
        // 16 is a multiple of 4, so a 29 February baby's 16th birthday falls in a leap year (until 2100).
        var leapling = new DateOnly(2012, 2, 29);

        Assert.Equal(new DateOnly(2028, 2, 29), ChildrenPolicy.DayReaching(leapling, 16));
        Assert.False(ChildrenPolicy.MayShowToEmployer(leapling, new DateOnly(2028, 2, 28)));
        Assert.True(ChildrenPolicy.MayShowToEmployer(leapling, new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Leapling_InACommonYear_IsNotOlderOn28February()
    {
        // Born 29 February 2012: on 28 February 2029 they are still 16, and 17 only on 1 March.
        var leapling = new DateOnly(2012, 2, 29);

        Assert.Equal(16, ChildrenPolicy.AgeOn(leapling, new DateOnly(2029, 2, 28)));
        Assert.Equal(17, ChildrenPolicy.AgeOn(leapling, new DateOnly(2029, 3, 1)));
    }

    [Fact]
    public void EqualityQuestions_AreNotAskedOfUnder16s()
    {
        Assert.False(ChildrenPolicy.MayBeAskedEqualityQuestions(new DateOnly(2011, 1, 1), Today));
        Assert.True(ChildrenPolicy.MayBeAskedEqualityQuestions(new DateOnly(2010, 1, 1), Today));
    }
}
