using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>How the figures name doors, routes and steps for people reading a board paper.</summary>
public static class FigureWords
{
    public static string Door(string door) => door switch
    {
        nameof(People.Door.Website) => "Careers website",
        nameof(People.Door.School) => "School or college",
        nameof(People.Door.Event) => "Recruitment event",
        nameof(People.Door.Programme) => "Work experience programme",
        _ => "Not recorded",
    };

    public static string Route(string route) => route switch
    {
        nameof(JourneyRoute.InEducation) => "In education",
        nameof(JourneyRoute.CareerChangerOrUnemployed) => "Career changer or unemployed",
        nameof(JourneyRoute.SeldomHeardSupported) => "Seldom heard, supported",
        _ => "Not recorded",
    };

    public static string Stage(JourneyStage stage) => stage switch
    {
        JourneyStage.SignedUp => "Signed up",
        JourneyStage.Matched => "Matched",
        JourneyStage.Applied => "Applied",
        JourneyStage.Interviewed => "Interviewed",
        JourneyStage.Offered => "Offered",
        JourneyStage.InWork => "Started work",
        _ => stage.ToString(),
    };

    public static string Gap(JourneyStage from, JourneyStage to) => (from, to) switch
    {
        (JourneyStage.SignedUp, JourneyStage.Offered) => "Time to offer (sign-up to offer)",
        (JourneyStage.Applied, JourneyStage.Offered) => "Application to offer",
        (JourneyStage.Offered, JourneyStage.InWork) => "Time to start (offer to start)",
        _ => $"{Stage(from)} to {Stage(to).ToLowerInvariant()}",
    };
}
