using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Journeys;

public sealed class JourneyRouterTests
{
    private static readonly SupportNeed[] NoNeeds = [];

    [Theory]
    [InlineData(Door.School, CurrentSituation.InEducation, RightToWork.Yes)]
    [InlineData(Door.Website, CurrentSituation.InEducation, RightToWork.Yes)]
    [InlineData(Door.Event, CurrentSituation.EmployedElsewhere, RightToWork.Yes)]
    [InlineData(Door.Programme, CurrentSituation.Unemployed, RightToWork.No)]
    public void Assign_EnglishSupport_IsSeldomHeardSupportedWhateverElse(Door door, CurrentSituation situation, RightToWork rightToWork)
    {
        var decision = JourneyRouter.Assign(door, situation, rightToWork, [SupportNeed.EnglishLanguage]);

        Assert.Equal(JourneyRoute.SeldomHeardSupported, decision.Route);
        Assert.Contains("English", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_EnglishSupport_BeatsInEducationAndTheSchoolDoor()
    {
        var withoutSupport = JourneyRouter.Assign(Door.School, CurrentSituation.InEducation, RightToWork.Yes, NoNeeds);
        var withSupport = JourneyRouter.Assign(Door.School, CurrentSituation.InEducation, RightToWork.Yes, [SupportNeed.EnglishLanguage]);

        Assert.Equal(JourneyRoute.InEducation, withoutSupport.Route);
        Assert.Equal(JourneyRoute.SeldomHeardSupported, withSupport.Route);
    }

    [Fact]
    public void Assign_EnglishSupport_IsTheReasonGivenWhenSeveralRulesApply()
    {
        var both = JourneyRouter.Assign(Door.Website, CurrentSituation.Unemployed, RightToWork.NotSure, [SupportNeed.QualificationRecognition, SupportNeed.EnglishLanguage]);
        var englishOnly = JourneyRouter.Assign(Door.Website, CurrentSituation.Unemployed, RightToWork.Yes, [SupportNeed.EnglishLanguage]);

        Assert.Equal(englishOnly, both);
    }

    [Fact]
    public void Assign_QualificationRecognition_IsSeldomHeardSupportedAndBeatsRightToWork()
    {
        var recognition = JourneyRouter.Assign(Door.School, CurrentSituation.InEducation, RightToWork.No, [SupportNeed.QualificationRecognition]);
        var rightToWorkOnly = JourneyRouter.Assign(Door.School, CurrentSituation.InEducation, RightToWork.No, NoNeeds);

        Assert.Equal(JourneyRoute.SeldomHeardSupported, recognition.Route);
        Assert.Equal(JourneyRoute.SeldomHeardSupported, rightToWorkOnly.Route);
        Assert.NotEqual(rightToWorkOnly.Reason, recognition.Reason);
    }

    [Theory]
    [InlineData(RightToWork.No)]
    [InlineData(RightToWork.AwaitingDecision)]
    [InlineData(RightToWork.NotSure)]
    public void Assign_RightToWorkNotYes_IsSeldomHeardSupportedEvenAtSchool(RightToWork rightToWork)
    {
        foreach (var door in Enum.GetValues<Door>())
        {
            foreach (var situation in Enum.GetValues<CurrentSituation>())
            {
                var decision = JourneyRouter.Assign(door, situation, rightToWork, NoNeeds);

                Assert.Equal(JourneyRoute.SeldomHeardSupported, decision.Route);
                Assert.Contains("right to work", decision.Reason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Assign_OtherSupportNeedOnly_DoesNotMakeSomeoneSeldomHeard()
    {
        var decision = JourneyRouter.Assign(Door.Website, CurrentSituation.Unemployed, RightToWork.Yes, [SupportNeed.Other]);

        Assert.Equal(JourneyRoute.CareerChangerOrUnemployed, decision.Route);
    }

    [Theory]
    [InlineData(CurrentSituation.InEducation)]
    [InlineData(CurrentSituation.EmployedElsewhere)]
    [InlineData(CurrentSituation.Unemployed)]
    [InlineData(CurrentSituation.Other)]
    public void Assign_SchoolDoor_IsInEducationWhateverTheSituation(CurrentSituation situation)
    {
        var decision = JourneyRouter.Assign(Door.School, situation, RightToWork.Yes, NoNeeds);

        Assert.Equal(JourneyRoute.InEducation, decision.Route);
        Assert.Contains("school", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Door.Website)]
    [InlineData(Door.Event)]
    [InlineData(Door.Programme)]
    public void Assign_InEducationThroughAnotherDoor_IsInEducation(Door door)
    {
        var decision = JourneyRouter.Assign(door, CurrentSituation.InEducation, RightToWork.Yes, NoNeeds);

        Assert.Equal(JourneyRoute.InEducation, decision.Route);
        Assert.DoesNotContain("school", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Door.Website, CurrentSituation.EmployedElsewhere)]
    [InlineData(Door.Website, CurrentSituation.Unemployed)]
    [InlineData(Door.Website, CurrentSituation.Other)]
    [InlineData(Door.Event, CurrentSituation.EmployedElsewhere)]
    [InlineData(Door.Event, CurrentSituation.Unemployed)]
    [InlineData(Door.Programme, CurrentSituation.Other)]
    public void Assign_NotInEducationWithRightToWork_IsCareerChangerOrUnemployed(Door door, CurrentSituation situation)
    {
        var decision = JourneyRouter.Assign(door, situation, RightToWork.Yes, NoNeeds);

        Assert.Equal(JourneyRoute.CareerChangerOrUnemployed, decision.Route);
    }

    [Fact]
    public void Assign_CareerChangerReasons_DifferBySituation()
    {
        var reasons = new[] { CurrentSituation.EmployedElsewhere, CurrentSituation.Unemployed, CurrentSituation.Other }
            .Select(s => JourneyRouter.Assign(Door.Website, s, RightToWork.Yes, NoNeeds).Reason)
            .ToList();

        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Assign_EveryCombination_GivesADefinedRouteAndAReason()
    {
        SupportNeed[][] needSets = [[], [SupportNeed.Other], [SupportNeed.EnglishLanguage], [SupportNeed.QualificationRecognition]];
        foreach (var door in Enum.GetValues<Door>())
        {
            foreach (var situation in Enum.GetValues<CurrentSituation>())
            {
                foreach (var rightToWork in Enum.GetValues<RightToWork>())
                {
                    foreach (var needs in needSets)
                    {
                        var decision = JourneyRouter.Assign(door, situation, rightToWork, needs);

                        Assert.True(Enum.IsDefined(decision.Route));
                        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(JourneyRoute.InEducation)]
    [InlineData(JourneyRoute.CareerChangerOrUnemployed)]
    [InlineData(JourneyRoute.SeldomHeardSupported)]
    public void NextSteps_EachRoute_IsANonEmptyListOfDistinctSteps(JourneyRoute route)
    {
        var steps = JourneyRouter.NextSteps(route);

        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.Equal(steps.Count, steps.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NextSteps_EveryDefinedRoute_HasItsOwnSteps()
    {
        var all = Enum.GetValues<JourneyRoute>().SelectMany(JourneyRouter.NextSteps).ToList();

        Assert.All(Enum.GetValues<JourneyRoute>(), r => Assert.NotEmpty(JourneyRouter.NextSteps(r)));
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NextSteps_UndefinedRoute_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JourneyRouter.NextSteps((JourneyRoute)99));
    }
}
