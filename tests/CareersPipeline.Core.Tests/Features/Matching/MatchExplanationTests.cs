using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using static CareersPipeline.Core.Tests.Features.Matching.MatchTestData;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchExplanationTests
{
    [Fact]
    public void For_DistanceInterestAndRequirement_ReadsAsOneSentence()
    {
        var person = Person(interests: [CareerFamily.Pharmacy], location: Stafford, travelMiles: 20, route: JourneyRoute.CareerChangerOrUnemployed);
        var candidate = Candidate(kind: CandidateKind.EntryLevelVacancy, family: CareerFamily.Pharmacy, qualification: QualificationLevel.Level2, locations: [Stoke]);

        Assert.Equal("14 miles away; matches your interest in pharmacy; you meet the level 2 entry requirement; a way in that needs no health or care experience", Explain(person, candidate));
    }

    [Fact]
    public void For_ANearbyApprenticeshipForASchoolLeaver_SaysWhyItFitsTheirRoute()
    {
        var person = Person(route: JourneyRoute.InEducation, qualification: QualificationLevel.Level2, age: 17, location: new GeoPoint(53.0127, -2.2136));
        var candidate = Candidate(level: 3, closesInDays: 2);

        Assert.Equal("Less than a mile away; matches your interest in nursing; a level 3 apprenticeship: the next step up from your qualifications; earn while you learn, straight from school or college; closes in 2 days", Explain(person, candidate));
    }

    [Fact]
    public void For_ASupportedStartOnTheSupportedRoute_SaysSo()
    {
        var person = Person(route: JourneyRoute.SeldomHeardSupported, interests: [CareerFamily.NotSureYet], location: new GeoPoint(53.03, -2.2136));
        var candidate = Candidate(kind: CandidateKind.EntryLevelVacancy, family: CareerFamily.SocialCare, supportedEntry: true, closesInDays: 0);

        Assert.Equal("1.8 miles away; a way to find out about social care while you decide; no qualifications needed; the employer offers a supported start, such as a mentor or help with English; closes today", Explain(person, candidate));
    }

    [Fact]
    public void For_ARemoteProgrammeOutsideTheirInterests_SaysBoth()
    {
        var person = Person(interests: [CareerFamily.Dental], noLocation: true);
        var candidate = Candidate(kind: CandidateKind.WorkExperienceProgramme, family: CareerFamily.Midwifery, remote: true);

        Assert.Equal("Online, so you can take part from anywhere; in midwifery, which is not one of the areas you picked", Explain(person, candidate));
    }

    private static string Explain(MatchProfile person, MatchCandidate candidate)
    {
        var evaluation = MatchRules.Evaluate(person, candidate, Today);
        Assert.True(evaluation.IsMatch, $"expected a match, got {evaluation.Exclusion}");
        return MatchExplanation.WithClosing(MatchExplanation.For(person, new ScoredMatch(candidate, evaluation.Score, evaluation.DistanceMiles)), candidate.OpenUntil, Today);
    }
}
