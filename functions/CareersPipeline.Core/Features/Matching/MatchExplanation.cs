using System.Globalization;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The plain-English reason for a match, from the same facts the score used:
/// "12 miles away; matches your interest in pharmacy; you meet the level 2 entry requirement". How soon it closes
/// is added when the match is shown (<see cref="WithClosing"/>), so a stored reason never goes out of date.
/// </summary>
public static class MatchExplanation
{
    public static string For(MatchProfile profile, ScoredMatch match)
    {
        var candidate = match.Candidate;
        var parts = new List<string>(5) { Where(match), Interest(profile, candidate) };
        if (Level(profile, candidate) is { } level)
        {
            parts.Add(level);
        }

        if (match.Score.Route == MatchScore.MaxRoute && RouteFit(profile.Route, candidate) is { } fit)
        {
            parts.Add(fit);
        }

        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The reason with "closes in 3 days" (or today, tomorrow) added when it closes within a week.</summary>
    public static string WithClosing(string explanation, DateOnly closesOn, DateOnly today) =>
        Closing(closesOn.DayNumber - today.DayNumber) is { } closing ? $"{explanation}; {closing}" : explanation;

    private static string Where(ScoredMatch match) => match.DistanceMiles switch
    {
        null => "online, so you can take part from anywhere",
        < 1 => "less than a mile away",
        < 10 and var miles => string.Create(CultureInfo.InvariantCulture, $"{miles:0.#} miles away"),
        var miles => string.Create(CultureInfo.InvariantCulture, $"{miles:0} miles away"),
    };

    private static string Interest(MatchProfile profile, MatchCandidate candidate) =>
        profile.Interests.Contains(candidate.CareerFamily) ? $"matches your interest in {CareerFamilyNames.InSentence(candidate.CareerFamily)}"
        : profile.Interests.Contains(CareerFamily.NotSureYet) ? $"a way to find out about {CareerFamilyNames.InSentence(candidate.CareerFamily)} while you decide"
        : $"in {CareerFamilyNames.InSentence(candidate.CareerFamily)}, which is not one of the areas you picked";

    private static string? Level(MatchProfile profile, MatchCandidate candidate)
    {
        if (candidate.Requirements.QualificationLevel is { } required and not QualificationLevel.None)
        {
            return required == QualificationLevel.EntryLevel
                ? "you meet the entry level qualification requirement"
                : $"you meet the level {MatchRules.RqfLevel(required)} entry requirement";
        }

        if (candidate.Level is not { } level)
        {
            return candidate.Kind == CandidateKind.EntryLevelVacancy ? "no qualifications needed" : null;
        }

        return (level - MatchRules.RqfLevel(profile.Qualification)) switch
        {
            1 => $"a level {level} apprenticeship: the next step up from your qualifications",
            0 => $"a level {level} apprenticeship, at the level you already have",
            2 => $"a level {level} apprenticeship: a big step up, with training built in",
            < 0 => $"a level {level} apprenticeship, below the level you already have",
            _ => $"a level {level} apprenticeship, well above your qualifications so far",
        };
    }

    private static string? RouteFit(JourneyRoute route, MatchCandidate candidate) => route switch
    {
        JourneyRoute.SeldomHeardSupported when candidate.SupportedEntry => "the employer offers a supported start, such as a mentor or help with English",
        JourneyRoute.InEducation when candidate.Kind is CandidateKind.Apprenticeship or CandidateKind.LevyFundedPlace => "earn while you learn, straight from school or college",
        JourneyRoute.InEducation when candidate.Kind == CandidateKind.WorkExperienceProgramme => "a way to see the work before you choose",
        JourneyRoute.CareerChangerOrUnemployed when candidate.Kind == CandidateKind.EntryLevelVacancy => "a way in that needs no health or care experience",
        JourneyRoute.CareerChangerOrUnemployed when candidate.Kind == CandidateKind.RecruitmentEvent => "one interview for several roles, with an answer on the day",
        JourneyRoute.SeldomHeardSupported when candidate.Kind == CandidateKind.PreEmploymentCourse => "a course that prepares you for applying",
        _ => null,
    };

    private static string? Closing(int daysLeft) => daysLeft switch
    {
        < 0 => null,
        0 => "closes today",
        1 => "closes tomorrow",
        <= 7 => $"closes in {daysLeft} days",
        _ => null,
    };
}
