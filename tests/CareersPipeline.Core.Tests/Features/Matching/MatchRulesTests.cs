using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using static CareersPipeline.Core.Tests.Features.Matching.MatchTestData;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchRulesTests
{
    [Fact]
    public void Evaluate_EverythingFits_IsAMatch()
    {
        var evaluation = MatchRules.Evaluate(Person(), Candidate(), Today);

        Assert.True(evaluation.IsMatch);
        Assert.Null(evaluation.Exclusion);
        Assert.Equal(0, evaluation.DistanceMiles!.Value, precision: 6);
    }

    // Hard filters

    [Fact]
    public void Evaluate_ClosedYesterday_IsExcluded_ButClosingTodayIsNot()
    {
        Assert.Equal(MatchExclusion.Closed, MatchRules.Evaluate(Person(), Candidate(closesInDays: -1), Today).Exclusion);
        Assert.True(MatchRules.Evaluate(Person(), Candidate(closesInDays: 0), Today).IsMatch);
    }

    [Fact]
    public void Evaluate_TooYoungToday_ButOldEnoughByTheStartDate_IsAMatch()
    {
        // 15 years and 355 days old: turns 16 in ten days; the apprenticeship starts in 30.
        var person = Person(age: 16) with { DateOfBirth = Today.AddYears(-16).AddDays(10) };

        Assert.True(MatchRules.Evaluate(person, Candidate(startsInDays: 30), Today).IsMatch);
        Assert.Equal(MatchExclusion.TooYoung, MatchRules.Evaluate(person, Candidate(startsInDays: 5), Today).Exclusion);
        Assert.Equal(MatchExclusion.TooYoung, MatchRules.Evaluate(person, Candidate(startsInDays: null), Today).Exclusion);
    }

    [Fact]
    public void Evaluate_AStartDateInThePast_ChecksTheAgeToday()
    {
        var seventeen = Person(age: 17);

        Assert.Equal(MatchExclusion.TooYoung, MatchRules.Evaluate(seventeen, Candidate(startsInDays: -30, minimumAge: 18), Today).Exclusion);
    }

    [Fact]
    public void Evaluate_OnTheBirthdayThatMeetsTheMinimumAge_IsOldEnough()
    {
        var person = Person() with { DateOfBirth = Today.AddYears(-18) };

        Assert.True(MatchRules.Evaluate(person, Candidate(minimumAge: 18), Today).IsMatch);
        Assert.Equal(MatchExclusion.TooYoung, MatchRules.Evaluate(person with { DateOfBirth = Today.AddYears(-18).AddDays(1) }, Candidate(minimumAge: 18), Today).Exclusion);
    }

    [Theory]
    [InlineData(RightToWork.No)]
    [InlineData(RightToWork.AwaitingDecision)]
    [InlineData(RightToWork.NotSure)]
    public void Evaluate_WithoutTheRightToWork_IsExcludedWhereItIsRequired(RightToWork answer)
    {
        Assert.Equal(MatchExclusion.NoRightToWork, MatchRules.Evaluate(Person(rightToWork: answer), Candidate(), Today).Exclusion);
        Assert.True(MatchRules.Evaluate(Person(rightToWork: answer), Candidate(rightToWork: false), Today).IsMatch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Evaluate_NoDrivingLicenceSaid_IsExcludedWhereOneIsRequired(bool? licence)
    {
        Assert.Equal(MatchExclusion.NeedsDrivingLicence, MatchRules.Evaluate(Person(drivingLicence: licence), Candidate(drivingLicence: true), Today).Exclusion);
        Assert.True(MatchRules.Evaluate(Person(drivingLicence: licence), Candidate(drivingLicence: false), Today).IsMatch);
        Assert.True(MatchRules.Evaluate(Person(drivingLicence: true), Candidate(drivingLicence: true), Today).IsMatch);
    }

    [Fact]
    public void Evaluate_BelowTheRequiredQualification_IsExcluded_AtItIsAMatch()
    {
        Assert.Equal(MatchExclusion.BelowQualificationLevel, MatchRules.Evaluate(Person(qualification: QualificationLevel.Level1), Candidate(qualification: QualificationLevel.Level2), Today).Exclusion);
        Assert.True(MatchRules.Evaluate(Person(qualification: QualificationLevel.Level2), Candidate(qualification: QualificationLevel.Level2), Today).IsMatch);
        Assert.Equal(MatchExclusion.BelowQualificationLevel, MatchRules.Evaluate(Person(qualification: QualificationLevel.None), Candidate(qualification: QualificationLevel.EntryLevel), Today).Exclusion);
    }

    [Fact]
    public void Evaluate_BeyondTheTravelDistance_IsExcluded_AndAtItIsAMatch()
    {
        var miles = Distance.Miles(Stoke.Latitude, Stoke.Longitude, Stafford.Latitude, Stafford.Longitude);
        var atStafford = Candidate(locations: [Stafford]);

        Assert.Equal(MatchExclusion.TooFar, MatchRules.Evaluate(Person(travelMiles: (int)Math.Floor(miles)), atStafford, Today).Exclusion);
        var within = MatchRules.Evaluate(Person(travelMiles: (int)Math.Ceiling(miles)), atStafford, Today);
        Assert.True(within.IsMatch);
        Assert.Equal(miles, within.DistanceMiles!.Value, precision: 9);
    }

    [Fact]
    public void Evaluate_SeveralWorkplaces_UsesTheNearest()
    {
        var evaluation = MatchRules.Evaluate(Person(location: Stafford, travelMiles: 5), Candidate(locations: [Stoke, Stafford]), Today);

        Assert.True(evaluation.IsMatch);
        Assert.Equal(0, evaluation.DistanceMiles!.Value, precision: 6);
    }

    [Fact]
    public void Evaluate_PersonNotPlacedYet_MatchesOnlyRemoteCandidates()
    {
        var person = Person(noLocation: true);

        Assert.Equal(MatchExclusion.PersonNotPlaced, MatchRules.Evaluate(person, Candidate(), Today).Exclusion);
        var remote = MatchRules.Evaluate(person, Candidate(kind: CandidateKind.WorkExperienceProgramme, remote: true), Today);
        Assert.True(remote.IsMatch);
        Assert.Null(remote.DistanceMiles);
        Assert.Equal(MatchScore.RemoteDistance, remote.Score.Distance);
    }

    [Fact]
    public void Evaluate_CandidateWithoutCoordinates_IsExcluded()
    {
        Assert.Equal(MatchExclusion.CandidateNotPlaced, MatchRules.Evaluate(Person(), Candidate(locations: []), Today).Exclusion);
    }

    [Fact]
    public void Evaluate_FailingSeveralFilters_ReportsTheFirst()
    {
        var evaluation = MatchRules.Evaluate(Person(rightToWork: RightToWork.No, age: 15, noLocation: true), Candidate(closesInDays: -1), Today);

        Assert.Equal(MatchExclusion.Closed, evaluation.Exclusion);
    }

    // Score

    [Fact]
    public void Score_Interest_IsHighestForAChosenFamilyAndSomeForNotSureYet()
    {
        Assert.Equal(MatchScore.MaxInterest, Score(Person(interests: [CareerFamily.Nursing]), Candidate(family: CareerFamily.Nursing)).Interest);
        Assert.Equal(10, Score(Person(interests: [CareerFamily.NotSureYet]), Candidate(family: CareerFamily.Pharmacy)).Interest);
        Assert.Equal(0, Score(Person(interests: [CareerFamily.Dental]), Candidate(family: CareerFamily.Pharmacy)).Interest);
    }

    [Theory]
    [InlineData(QualificationLevel.Level2, 3, 20)]
    [InlineData(QualificationLevel.Level2, 2, 15)]
    [InlineData(QualificationLevel.Level2, 4, 10)]
    [InlineData(QualificationLevel.Level6, 2, 5)]
    [InlineData(QualificationLevel.None, 5, 0)]
    [InlineData(QualificationLevel.EntryLevel, 1, 20)]
    public void Score_Level_FitsBestOneStepUp(QualificationLevel qualification, int apprenticeshipLevel, int expected)
    {
        Assert.Equal(expected, Score(Person(qualification: qualification), Candidate(level: apprenticeshipLevel)).Level);
    }

    [Theory]
    [InlineData(QualificationLevel.Level3, 20)]
    [InlineData(QualificationLevel.Level4, 10)]
    public void Score_Level_EntryLevelJobsSuitPeopleUpToLevel3(QualificationLevel qualification, int expected)
    {
        Assert.Equal(expected, Score(Person(qualification: qualification), Candidate(kind: CandidateKind.EntryLevelVacancy)).Level);
    }

    [Fact]
    public void Score_Distance_FallsInProportionToTheTravelDistance()
    {
        var miles = Distance.Miles(Stoke.Latitude, Stoke.Longitude, Stafford.Latitude, Stafford.Longitude);

        Assert.Equal(MatchScore.MaxDistance, Score(Person(), Candidate()).Distance);
        Assert.Equal((int)(25 * (20 - miles) / 20), Score(Person(travelMiles: 20), Candidate(locations: [Stafford])).Distance);
        var justWithin = (int)Math.Ceiling(miles);
        Assert.Equal((int)(25 * (justWithin - miles) / justWithin), Score(Person(travelMiles: justWithin), Candidate(locations: [Stafford])).Distance);
        Assert.True(Score(Person(travelMiles: justWithin), Candidate(locations: [Stafford])).Distance <= 1, "at the edge of the travel distance, distance adds almost nothing");
    }

    [Theory]
    [InlineData(JourneyRoute.InEducation, CandidateKind.Apprenticeship, false, 15)]
    [InlineData(JourneyRoute.InEducation, CandidateKind.EntryLevelVacancy, false, 5)]
    [InlineData(JourneyRoute.InEducation, CandidateKind.WorkExperienceProgramme, false, 15)]
    [InlineData(JourneyRoute.CareerChangerOrUnemployed, CandidateKind.EntryLevelVacancy, false, 15)]
    [InlineData(JourneyRoute.CareerChangerOrUnemployed, CandidateKind.Apprenticeship, false, 12)]
    [InlineData(JourneyRoute.SeldomHeardSupported, CandidateKind.EntryLevelVacancy, false, 8)]
    [InlineData(JourneyRoute.SeldomHeardSupported, CandidateKind.EntryLevelVacancy, true, 15)]
    [InlineData(JourneyRoute.SeldomHeardSupported, CandidateKind.PreEmploymentCourse, false, 15)]
    [InlineData(JourneyRoute.CareerChangerOrUnemployed, CandidateKind.Apprenticeship, true, 12)]
    public void Score_Route_FollowsEachRoutesNextSteps(JourneyRoute route, CandidateKind kind, bool supportedEntry, int expected)
    {
        var candidate = Candidate(kind: kind, supportedEntry: supportedEntry, remote: kind is CandidateKind.WorkExperienceProgramme or CandidateKind.PreEmploymentCourse);

        Assert.Equal(expected, Score(Person(route: route, rightToWork: RightToWork.Yes), candidate).Route);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 3)]
    [InlineData(14, 3)]
    [InlineData(15, 0)]
    public void Score_Closing_AddsALittleForWhatClosesSoon(int closesInDays, int expected)
    {
        Assert.Equal(expected, Score(Person(), Candidate(closesInDays: closesInDays)).Closing);
    }

    [Fact]
    public void Score_TheBestPossibleMatch_Scores100()
    {
        var best = Score(Person(route: JourneyRoute.InEducation, qualification: QualificationLevel.Level2), Candidate(level: 3, closesInDays: 3));

        Assert.Equal(100, best.Total);
    }

    private static MatchScore Score(MatchProfile person, MatchCandidate candidate)
    {
        var evaluation = MatchRules.Evaluate(person, candidate, Today);
        Assert.True(evaluation.IsMatch, $"expected a match, got {evaluation.Exclusion}");
        return evaluation.Score;
    }
}
