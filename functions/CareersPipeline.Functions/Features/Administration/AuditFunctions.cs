using System.Globalization;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>The staff access audit trail for admins: who looked at or changed whose record, when.</summary>
public static class AuditFunctions
{
    public const int DefaultPageSize = 50;

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("ManageAuditTrail", "GET", "manage/audit", SearchAsync, b => b.RequireStaff(StaffRole.Admin).Produces<AuditPage>().ProducesValidationProblem()
            .WithSummary("The staff access audit trail, filtered by applicantId, staffId, from and to (yyyy-MM-dd, UTC, inclusive), paged by continuation")),
    ];

    private static async Task<IResult> SearchAsync(string? applicantId, string? staffId, string? from, string? to, int? pageSize, string? continuation, AuditTrail trail, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new AuditQuery(Blank(applicantId), Blank(staffId), Date("from", from, errors), Date("to", to, errors), pageSize ?? DefaultPageSize, Blank(continuation));
        foreach (var (field, messages) in AuditTrail.Check(query) ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages;
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await trail.SearchAsync(query, ct));
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

        errors[field] = ["Give the date as yyyy-MM-dd."];
        return null;
    }
}
