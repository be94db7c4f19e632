using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Journeys;

/// <summary>
/// Assigns a Journey to Work route from a person's answers. The rules are deliberately few and ordered,
/// so that an adviser can explain them (docs/journey-routes.md is the user-facing version).
/// </summary>
public static class JourneyRouter
{
    public static RouteDecision Assign(Door door, CurrentSituation situation, RightToWork rightToWork, IReadOnlyCollection<SupportNeed> supportNeeds)
    {
        // 1. Extra support comes first: someone at school who needs English support still needs an adviser.
        if (supportNeeds.Contains(SupportNeed.EnglishLanguage))
        {
            return new(JourneyRoute.SeldomHeardSupported, "asked for help with English");
        }

        if (supportNeeds.Contains(SupportNeed.QualificationRecognition))
        {
            return new(JourneyRoute.SeldomHeardSupported, "asked for help getting qualifications recognised");
        }

        if (rightToWork != RightToWork.Yes)
        {
            return new(JourneyRoute.SeldomHeardSupported, "needs advice on the right to work in the UK");
        }

        // 2. In education, or signed up by their school.
        if (situation == CurrentSituation.InEducation || door == Door.School)
        {
            return new(JourneyRoute.InEducation, door == Door.School ? "signed up through their school" : "is in education");
        }

        // 3. Everyone else is changing career or looking for work.
        return new(JourneyRoute.CareerChangerOrUnemployed, situation switch
        {
            CurrentSituation.EmployedElsewhere => "works in another career",
            CurrentSituation.Unemployed => "is looking for work",
            _ => "is not in education",
        });
    }

    public static IReadOnlyList<string> NextSteps(JourneyRoute route) => route switch
    {
        JourneyRoute.InEducation =>
        [
            "Try a virtual work experience programme in primary care, hospitals or maternity.",
            "Look at health and care apprenticeships you can start after school or college.",
            "Ask your school to book a health and care ambassador visit.",
        ],
        JourneyRoute.CareerChangerOrUnemployed =>
        [
            "Browse entry-level jobs and apprenticeships near you: many need no experience.",
            "Come to a community recruitment event: one interview, several roles, an answer on the day.",
            "Find out how your skills transfer into health and care roles.",
        ],
        JourneyRoute.SeldomHeardSupported =>
        [
            "An outreach adviser will contact you to talk about your goals, in your language where we can.",
            "We can help with English (ESOL) courses and getting overseas qualifications recognised (ENIC).",
            "We can arrange volunteering or work experience so you can see the work first.",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}

/// <summary>The route and the plain-English reason for it, kept so that an adviser can see why.</summary>
public sealed record RouteDecision(JourneyRoute Route, string Reason);
