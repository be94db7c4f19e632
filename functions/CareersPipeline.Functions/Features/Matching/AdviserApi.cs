using CareersPipeline.Core;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;

namespace CareersPipeline.Functions.Features.Matching;

/// <summary>Advisers' caseload and matches endpoints. An adviser acts only for people on their caseload; an admin for anyone.</summary>
internal static class AdviserApi
{
    public static async Task<IResult> CaseloadAsync(HttpContext context, AdviserMatches advisers, CancellationToken ct) =>
        TypedResults.Ok(await advisers.CaseloadAsync(StaffAccess.StaffOf(context), ct));

    // Taking a person on follows the caseload's triage rules (AdviserMatches.AddAsync): 409 when another adviser has them.
    public static async Task<IResult> AddAsync(HttpContext context, string applicantId, AdviserMatches advisers, CancellationToken ct) =>
        await advisers.AddAsync(StaffAccess.StaffOf(context), applicantId, ct) switch
        {
            Result<bool>.Ok => TypedResults.NoContent(),
            var result => result.ToHttp(),
        };

    public static async Task<IResult> RemoveAsync(HttpContext context, string applicantId, AdviserMatches advisers, CancellationToken ct) =>
        await advisers.RemoveAsync(StaffAccess.StaffOf(context), applicantId, ct) ? TypedResults.NoContent() : NotFound();

    public static async Task<IResult> MatchesAsync(HttpContext context, string applicantId, AdviserMatches advisers, CancellationToken ct) =>
        await advisers.MatchesAsync(StaffAccess.StaffOf(context), applicantId, ct) switch
        {
            Result<MatchesView>.Forbidden => NotOnCaseload(),
            var result => result.ToHttp(),
        };

    public static async Task<IResult> PreferencesAsync(HttpContext context, string applicantId, AdviserMatches advisers, CancellationToken ct)
    {
        var (change, problem) = await JsonBody.ReadAsync<PreferencesChange>(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        return await advisers.SetPreferencesAsync(StaffAccess.StaffOf(context), applicantId, change!, ct) switch
        {
            Result<PreferencesOutcome>.Ok { Value: PreferencesOutcome.Saved } => TypedResults.Accepted((string?)null, new StatusResponse("Saved; matching again")),
            Result<PreferencesOutcome>.Ok { Value: PreferencesOutcome.Invalid invalid } => TypedResults.ValidationProblem(invalid.Errors, title: ResultResponses.InvalidTitle),
            Result<PreferencesOutcome>.Ok => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not ready yet", detail: "This sign-up is not active yet (for an under-16, until a parent or guardian agrees)."),
            Result<PreferencesOutcome>.Forbidden => NotOnCaseload(),
            var result => result.ToHttp(),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: AdviserMatches.NoSuchSignUp);

    private static IResult NotOnCaseload() => StaffAccess.Forbidden($"{AdviserMatches.NotOnCaseload} Add them first: PUT /api/adviser/caseload/{{applicantId}}.");
}
