namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>The 15 occupational routes that group apprenticeship standards (IfATE), the "job roles" a pledge may fund.</summary>
public static class ApprenticeshipRoutes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Agriculture, environmental and animal care",
        "Business and administration",
        "Care services",
        "Catering and hospitality",
        "Construction and the built environment",
        "Creative and design",
        "Digital",
        "Education and early years",
        "Engineering and manufacturing",
        "Hair and beauty",
        "Health and science",
        "Legal, finance and accounting",
        "Protective services",
        "Sales, marketing and procurement",
        "Transport and logistics",
    ];

    /// <summary>The route's name as listed, whatever the case it was written in; null when it is not a route.</summary>
    public static string? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
