using System.Net.Http.Json;

namespace CareersPipeline.Functions.Tests.Features.Opportunities;

public static class OpportunityBodies
{
    public static Dictionary<string, object?> Vacancy(string employerCode = "UHNM", string postcode = "ST4 6QG", int closingInDays = 30) => new()
    {
        ["kind"] = "EntryLevelVacancy",
        ["employerCode"] = employerCode,
        ["title"] = "Healthcare support worker",
        ["summary"] = "Support nurses to care for patients on our wards. No experience needed: full training given.",
        ["careerFamily"] = "Nursing",
        ["positions"] = 4,
        ["postcodes"] = new[] { postcode },
        ["wage"] = new { type = "Fixed", amount = 24071m, unit = "Annually" },
        ["hoursPerWeek"] = 37.5m,
        ["closingDate"] = Today().AddDays(closingInDays).ToString("yyyy-MM-dd"),
        ["requirements"] = new { minimumAge = 18 },
        ["vacancy"] = new { band = "Band 3", contractType = "Permanent" },
    };

    public static Dictionary<string, object?> Apprenticeship(string employerCode = "UHNM", string postcode = "ST4 6QG", int level = 3, string careerFamily = "Nursing") => new()
    {
        ["kind"] = "Apprenticeship",
        ["employerCode"] = employerCode,
        ["title"] = $"Senior healthcare support worker apprentice (level {level})",
        ["summary"] = "Earn while you learn to become a senior healthcare support worker.",
        ["careerFamily"] = careerFamily,
        ["positions"] = 2,
        ["postcodes"] = new[] { postcode },
        ["wage"] = new { type = "ApprenticeshipMinimum" },
        ["hoursPerWeek"] = 37.5m,
        ["closingDate"] = Today().AddDays(21).ToString("yyyy-MM-dd"),
        ["startDate"] = Today().AddDays(60).ToString("yyyy-MM-dd"),
        ["apprenticeship"] = new { standardTitle = "Senior healthcare support worker", larsCode = 130, level, route = "Health and science", durationMonths = 18, trainingProvider = "Stoke on Trent College" },
        ["disabilityConfident"] = true,
    };

    public static JsonContent Json(object body) => JsonContent.Create(body);

    public static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
}
