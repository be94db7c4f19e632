using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The matching rules, in one place for every scorer: hard filters first, then a score out of 100 from interest,
/// level fit, distance, route fit and how soon the candidate closes (docs/matching.md explains each to users).
/// </summary>
public static class MatchRules
{
    public static MatchEvaluation Evaluate(MatchProfile profile, MatchCandidate candidate, DateOnly today) =>
        Evaluate(new PersonFacts(profile), new CandidateFacts(candidate), today);

    internal static MatchEvaluation Evaluate(in PersonFacts person, in CandidateFacts candidate, DateOnly today) =>
        Eligibility(person, candidate, today) is { } excluded ? MatchEvaluation.Excluded(excluded) : Score(person, candidate, today);

    /// <summary>The rest of <see cref="Evaluate"/>, for a candidate that passed <see cref="Eligibility"/>: distance, then the score.</summary>
    internal static MatchEvaluation Score(in PersonFacts person, in CandidateFacts candidate, DateOnly today)
    {
        double? miles = null;
        int distancePoints;
        if (candidate.Remote)
        {
            distancePoints = MatchScore.RemoteDistance;
        }
        else if (person.Location is not { } home)
        {
            return MatchEvaluation.Excluded(MatchExclusion.PersonNotPlaced);
        }
        else if (candidate.PlaceCount == 0)
        {
            return MatchEvaluation.Excluded(MatchExclusion.CandidateNotPlaced);
        }
        else
        {
            var nearest = double.MaxValue;
            for (var i = 0; i < candidate.PlaceCount; i++)
            {
                var place = candidate.Place(i);
                nearest = Math.Min(nearest, Distance.Miles(home.Latitude, home.Longitude, person.LocationCosine, place.Latitude, place.Longitude, candidate.PlaceCosine(i)));
            }

            if (nearest > person.TravelMiles)
            {
                return MatchEvaluation.Excluded(MatchExclusion.TooFar);
            }

            miles = nearest;
            distancePoints = DistancePoints(nearest, person.TravelMiles);
        }

        var score = new MatchScore(
            InterestPoints(person, candidate),
            LevelPoints(person, candidate),
            distancePoints,
            RoutePoints(person.Route, candidate),
            ClosingPoints(candidate.OpenUntilDay - today.DayNumber));
        return new MatchEvaluation(null, score, miles);
    }

    /// <summary>The hard filters that do not depend on where anyone is.</summary>
    internal static MatchExclusion? Eligibility(in PersonFacts person, in CandidateFacts candidate, DateOnly today)
    {
        if (candidate.OpenUntilDay < today.DayNumber)
        {
            return MatchExclusion.Closed;
        }

        // Old enough on the day it starts (or today, for something that has started or has no start date).
        if (!person.IsAtLeast(candidate.MinimumAge, Math.Max(candidate.StartDay, today.DayNumber)))
        {
            return MatchExclusion.TooYoung;
        }

        if (candidate.NeedsRightToWork && !person.HasRightToWork)
        {
            return MatchExclusion.NoRightToWork;
        }

        if (candidate.NeedsLicence && !person.HasLicence)
        {
            return MatchExclusion.NeedsDrivingLicence;
        }

        return person.Qualification < candidate.RequiredQualification ? MatchExclusion.BelowQualificationLevel : null;
    }

    /// <summary>
    /// The most any candidate can score for this person before distance is counted; with <paramref name="chosenFamily"/>
    /// false, the most a candidate outside the families they chose can.
    /// </summary>
    internal static int MostWithoutDistance(in PersonFacts person, bool chosenFamily = true) =>
        (chosenFamily && person.InterestMask != 0 ? MatchScore.MaxInterest : InterestOutsideChosen(person))
        + MatchScore.MaxLevel + MatchScore.MaxRoute + MatchScore.MaxClosing;

    internal static int InterestPoints(in PersonFacts person, in CandidateFacts candidate) =>
        (person.InterestMask & candidate.FamilyBit) != 0 ? MatchScore.MaxInterest : InterestOutsideChosen(person);

    /// <summary>Interest points for a family the person did not choose.</summary>
    internal static int InterestOutsideChosen(in PersonFacts person) => person.NotSure ? NotSureInterest : 0;

    // Someone not sure yet gains a little from every family, so their matches are not decided by distance alone.
    private const int NotSureInterest = 10;

    /// <summary>
    /// Apprenticeships fit best one level above the person's qualifications (the next step), then at the same level
    /// (a new subject), then two up; far above or below fits poorly. Entry-level jobs suit people up to level 3.
    /// </summary>
    internal static int LevelPoints(in PersonFacts person, in CandidateFacts candidate)
    {
        if (candidate.Level == 0)
        {
            return candidate.Kind == CandidateKind.EntryLevelVacancy && person.RqfLevel > 3 ? 10 : MatchScore.MaxLevel;
        }

        return (candidate.Level - person.RqfLevel) switch
        {
            1 => MatchScore.MaxLevel,
            0 => 15,
            2 => 10,
            < 0 => 5,
            _ => 0,
        };
    }

    /// <summary>Closer is better, in proportion to how far the person said they would travel.</summary>
    internal static int DistancePoints(double miles, int travelMiles) => (int)(MatchScore.MaxDistance * (travelMiles - miles) / travelMiles);

    /// <summary>What each route's next steps are: apprenticeships from school, jobs and events for career changers, supported starts first.</summary>
    internal static int RoutePoints(JourneyRoute route, in CandidateFacts candidate)
    {
        if (route == JourneyRoute.SeldomHeardSupported && candidate.SupportedEntry)
        {
            return MatchScore.MaxRoute;
        }

        return (route, candidate.Kind) switch
        {
            (JourneyRoute.InEducation, CandidateKind.Apprenticeship or CandidateKind.LevyFundedPlace or CandidateKind.WorkExperienceProgramme) => 15,
            (JourneyRoute.InEducation, _) => 5,
            (JourneyRoute.CareerChangerOrUnemployed, CandidateKind.EntryLevelVacancy or CandidateKind.RecruitmentEvent) => 15,
            (JourneyRoute.CareerChangerOrUnemployed, CandidateKind.Apprenticeship or CandidateKind.LevyFundedPlace) => 12,
            (JourneyRoute.CareerChangerOrUnemployed, CandidateKind.PreEmploymentCourse) => 8,
            (JourneyRoute.CareerChangerOrUnemployed, _) => 5,
            (JourneyRoute.SeldomHeardSupported, CandidateKind.PreEmploymentCourse) => 15,
            (JourneyRoute.SeldomHeardSupported, CandidateKind.WorkExperienceProgramme or CandidateKind.RecruitmentEvent) => 10,
            (JourneyRoute.SeldomHeardSupported, CandidateKind.EntryLevelVacancy) => 8,
            (JourneyRoute.SeldomHeardSupported, _) => 5,
            _ => 0,
        };
    }

    /// <summary>Something closing soon ranks a little higher: it is now or never.</summary>
    internal static int ClosingPoints(int daysLeft) =>
        daysLeft switch
        {
            <= 7 => MatchScore.MaxClosing,
            <= 14 => 3,
            _ => 0,
        };

    /// <summary>The RQF level of a qualification: 0 for none or entry level.</summary>
    public static int RqfLevel(QualificationLevel level) => level switch
    {
        QualificationLevel.None or QualificationLevel.EntryLevel => 0,
        _ => (int)level - (int)QualificationLevel.Level1 + 1,
    };
}
