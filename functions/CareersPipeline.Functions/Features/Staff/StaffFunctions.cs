using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Staff;

public static class StaffFunctions
{
    public const string HomePath = "/staff/";

    private static readonly StaffRole[] Everyone = Enum.GetValues<StaffRole>();

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("StaffMe", "GET", "staff/me", (HttpContext context) => TypedResults.Ok(StaffOf(context)), b => b.RequireStaff(Enum.GetValues<StaffRole>())),

        // The workspace's home: what needs attention, from every section the person's roles reach.
        HttpFunction.Page("StaffHome", "GET", "staff", HomeAsync, b => b.RequireStaffPage(Everyone)),
    ];

    private static StaffView StaffOf(HttpContext context)
    {
        var staff = StaffAccess.StaffOf(context);
        return new StaffView(staff.SubjectId, staff.DisplayName, [.. staff.Roles], [.. staff.EmployerCodes.Order(StringComparer.Ordinal)]);
    }

    private static async Task<IResult> HomeAsync(HttpContext context, IEnumerable<IStaffWorkspaceSection> sections, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(context);
        // Each section reads its own rows: asked at once, the page waits for the slowest, not for their sum; the cards
        // keep the sections' order.
        var cards = (await Task.WhenAll(sections.Select(s => s.CardsAsync(staff, ct)))).SelectMany(c => c).ToList();

        // Roles whose pages are still to come (advisers' caseloads, events, schools) see where their work is today.
        if (cards.Count == 0)
        {
            cards.Add(new StaffCard("Your work in the API", "The pages for your role are on their way. Until then, everything is in the API, described in its OpenAPI document.", "/api/openapi/v1.json"));
        }

        return StaffHtml.Page(context, new StaffHomePage(cards));
    }
}

public sealed record StaffView(string SubjectId, string DisplayName, IReadOnlyList<StaffRole> Roles, IReadOnlyList<string> EmployerCodes);
