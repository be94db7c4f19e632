using System.Globalization;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// The staff access audit trail as a page: a GET form (a search changes nothing, and its URL can be shared between
/// admins) over <see cref="AuditTrail"/>, as <see cref="AuditFunctions"/>. The URL carries only ids, dates and the
/// storage's page token, never a name or an address.
/// </summary>
public static class AdminAuditPages
{
    public const string Root = "/staff/admin/audit";

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("AdminAudit", "GET", "staff/admin/audit", SearchAsync, b => b.RequireStaffPage(StaffRole.Admin)),
    ];

    private static async Task<IResult> SearchAsync(HttpContext http, string? applicantId, string? staffId, string? from, string? to, string? continuation, AuditTrail trail, CancellationToken ct)
    {
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["applicantId"] = [applicantId ?? string.Empty],
            ["staffId"] = [staffId ?? string.Empty],
            ["from"] = [from ?? string.Empty],
            ["to"] = [to ?? string.Empty],
        };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = new AuditQuery(Blank(applicantId), Blank(staffId), Date("from", from, errors), Date("to", to, errors), AuditFunctions.DefaultPageSize, Blank(continuation));
        foreach (var (field, messages) in AuditTrail.Check(query) ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return StaffHtml.Page(http, new AdminAuditPage(FormView.Of(values, errors), [], null), StatusCodes.Status400BadRequest);
        }

        var page = await trail.SearchAsync(query, ct);
        return StaffHtml.Page(http, new AdminAuditPage(FormView.Of(values, errors), page.Entries, page.Continuation is { } next ? NextHref(query, from, to, next) : null));
    }

    private static string NextHref(AuditQuery query, string? from, string? to, string continuation)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("applicantId", query.ApplicantId);
        Add("staffId", query.StaffId);
        Add("from", from);
        Add("to", to);
        Add("continuation", continuation);
        return $"{Root}?{string.Join('&', parts)}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["Enter the date as year-month-day, like 2026-10-14."];
        return null;
    }
}
