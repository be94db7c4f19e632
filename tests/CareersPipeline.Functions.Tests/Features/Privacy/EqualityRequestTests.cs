using CareersPipeline.Core.Features.Privacy;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

public sealed class EqualityRequestTests
{
    [Fact]
    public void EveryAnswer_IsOptional()
    {
        var (answers, errors) = new EqualityRequest().Validate();

        Assert.Empty(errors);
        Assert.Equal(new EqualityAnswers(null, null, null, null, null, null, null), answers);
    }

    [Fact]
    public void Answers_AreReadByNameIgnoringCase()
    {
        var (answers, _) = new EqualityRequest { Ethnicity = "blackcaribbean", Religion = "PreferNotToSay", AgeBand = "From25To34" }.Validate();

        Assert.Equal(EthnicGroup.BlackCaribbean, answers!.Ethnicity);
        Assert.Equal(Religion.PreferNotToSay, answers.Religion);
        Assert.Equal(AgeBand.From25To34, answers.AgeBand);
    }

    [Fact]
    public void UnknownValues_AreErrorsThatDoNotEchoTheValue()
    {
        var (answers, errors) = new EqualityRequest { Sex = "<script>", Disability = "3" }.Validate();

        Assert.Null(answers);
        Assert.Equal(["disability", "sex"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("<script>", string.Concat(errors["sex"]), StringComparison.Ordinal);
    }
}
