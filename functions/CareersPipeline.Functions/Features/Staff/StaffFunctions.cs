using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Staff;

public static class StaffFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("StaffMe", "GET", "staff/me", (HttpContext context) => TypedResults.Ok(StaffOf(context)), b => b.RequireStaff(Enum.GetValues<StaffRole>())),
    ];

    private static StaffView StaffOf(HttpContext context)
    {
        var staff = StaffAccess.StaffOf(context);
        return new StaffView(staff.SubjectId, staff.DisplayName, [.. staff.Roles], [.. staff.EmployerCodes.Order(StringComparer.Ordinal)]);
    }
}

public sealed record StaffView(string SubjectId, string DisplayName, IReadOnlyList<StaffRole> Roles, IReadOnlyList<string> EmployerCodes);
