using System.Text.RegularExpressions;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Tests.Features.Opportunities;

public sealed class OpportunityIdsTests
{
    // The rule as it is documented; the code checks it by hand, for speed.
    private static readonly Regex Rule = new(@"^(o[0-9a-f]{24}|n[0-9A-Z]{1,20})\z", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("o0123456789abcdef01234567", true)]
    [InlineData("n1000012345", true)]
    [InlineData("nA", true)]
    [InlineData("n12345678901234567890", true)]
    [InlineData("n123456789012345678901", false)]
    [InlineData("n", false)]
    [InlineData("o", false)]
    [InlineData("", false)]
    [InlineData("o0123456789ABCDEF01234567", false)]
    [InlineData("o0123456789abcdef0123456", false)]
    [InlineData("o0123456789abcdef012345678", false)]
    [InlineData("n1000012345\n", false)]
    [InlineData("na1", false)]
    [InlineData("x0123456789abcdef01234567", false)]
    [InlineData("../o0123456789abcdef01234567", false)]
    public void IsWellFormed_FollowsTheRule(string id, bool expected)
    {
        Assert.Equal(expected, Rule.IsMatch(id));
        Assert.Equal(expected, OpportunityIds.IsWellFormed(id));
    }

    [Fact]
    public void IsWellFormed_AgreesWithTheRule_OnRandomStrings()
    {
        var random = new Random(20261201);
        const string alphabet = "on0123456789abcdefABCDEFXYZ/.\n -";
        for (var i = 0; i < 20_000; i++)
        {
            var id = string.Concat(Enumerable.Range(0, random.Next(0, 27)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            if (random.Next(3) == 0)
            {
                id = (random.Next(2) == 0 ? "o" : "n") + id;
            }

            Assert.True(Rule.IsMatch(id) == OpportunityIds.IsWellFormed(id), $"'{id}'");
        }

        Assert.True(OpportunityIds.IsWellFormed(OpportunityIds.NewLocal()));
        Assert.True(OpportunityIds.IsWellFormed(OpportunityIds.National("VAC1000012345")));
    }
}
