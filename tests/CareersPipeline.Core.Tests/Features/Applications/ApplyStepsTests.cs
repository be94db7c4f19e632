using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Core.Tests.Features.Applications;

public sealed class ApplyStepsTests
{
    [Theory]
    [InlineData(ApplyStep.Why, false, ApplyStep.Experience)]
    [InlineData(ApplyStep.Experience, false, ApplyStep.Start)]
    [InlineData(ApplyStep.Start, false, ApplyStep.Adjustments)]
    [InlineData(ApplyStep.Adjustments, false, ApplyStep.Check)]
    [InlineData(ApplyStep.Why, true, ApplyStep.Check)]
    public void Next_FollowsTheQuestions_OrGoesBackToTheCheckPage(ApplyStep step, bool returnToCheck, ApplyStep expected)
    {
        Assert.Equal(expected, ApplySteps.Next(step, returnToCheck));
    }

    [Fact]
    public void EveryAnswer_IsAskedOnExactlyOnePage()
    {
        var fields = Enum.GetValues<ApplyStep>().SelectMany(ApplySteps.FieldsOf).ToList();

        Assert.Equal(fields.Distinct().Count(), fields.Count);
        Assert.Equal(7, fields.Count);
    }

    [Fact]
    public void ErrorsOf_OnlyThePagesOwnAnswers()
    {
        var input = new ApplicationInput(WhyThisRole: "I like people.");

        Assert.Empty(ApplySteps.ErrorsOf(ApplyStep.Why, input));
        Assert.Empty(ApplySteps.ErrorsOf(ApplyStep.Experience, input));
        Assert.Equal(["whenCanStart"], ApplySteps.ErrorsOf(ApplyStep.Start, input).Keys);
        Assert.Equal(["whyThisRole"], ApplySteps.ErrorsOf(ApplyStep.Why, new ApplicationInput(WhyThisRole: new string('x', ApplicationValidator.LongText + 1))).Keys);
    }

    [Fact]
    public void FirstWithErrors_IsTheEarliestPageWithAProblem()
    {
        var errors = new Dictionary<string, string[]> { ["whenCanStart"] = ["x"], ["studyExperience"] = ["y"] };

        Assert.Equal(ApplyStep.Experience, ApplySteps.FirstWithErrors(errors));
        Assert.Equal(ApplyStep.Check, ApplySteps.FirstWithErrors(new Dictionary<string, string[]>()));
    }

    [Theory]
    [InlineData("start", ApplyStep.Start)]
    [InlineData("Check", ApplyStep.Check)]
    [InlineData("7", ApplyStep.Why)]
    [InlineData(null, ApplyStep.Why)]
    [InlineData("nonsense", ApplyStep.Why)]
    public void Parse_UnknownPages_AreTheFirst(string? value, ApplyStep expected)
    {
        Assert.Equal(expected, ApplySteps.Parse(value));
    }
}
