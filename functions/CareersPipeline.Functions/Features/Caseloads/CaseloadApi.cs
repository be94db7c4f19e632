using System.Text;
using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;

namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>The case management API: each handler reads the body and If-Match, calls <see cref="CaseService"/>, and maps the result.</summary>
internal static class CaseloadApi
{
    public static async Task<IResult> TriageAsync(HttpContext http, CaseService cases, CancellationToken ct) =>
        (await cases.TriageAsync(StaffAccess.StaffOf(http), ct)).ToHttp();

    public static async Task<IResult> TakeAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        (await cases.TakeAsync(StaffAccess.StaffOf(http), applicantId, ct)).ToHttp(http);

    /// <summary>If-Match is needed once the person has a case (assigning someone from triage creates it).</summary>
    public static Task<IResult> AssignAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<AssignInput>(http, requireIfMatch: false, (staff, input, ifMatch) => cases.AssignAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static async Task<IResult> CaseloadAsync(HttpContext http, bool? includeClosed, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.CaseloadAsync(StaffAccess.StaffOf(http), includeClosed ?? false, ct));

    public static async Task<IResult> CaseAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        (await cases.FindAsync(StaffAccess.StaffOf(http), applicantId, ct)).ToHttp(http);

    public static Task<IResult> InterventionAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<InterventionInput>(http, true, (staff, input, ifMatch) => cases.LogInterventionAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static Task<IResult> OutcomeAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<OutcomeInput>(http, true, (staff, input, ifMatch) => cases.RecordOutcomeAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static Task<IResult> NextActionAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<NextActionInput>(http, true, (staff, input, ifMatch) => cases.SetNextActionAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static Task<IResult> RouteAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<RouteInput>(http, true, (staff, input, ifMatch) => cases.OverrideRouteAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static Task<IResult> StatusAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        WithBodyAsync<StatusInput>(http, true, (staff, input, ifMatch) => cases.ChangeStatusAsync(staff, applicantId, input, ifMatch, ct), ct);

    public static async Task<IResult> EngagedAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<EngagedInput>(http.Request, ct);
        return problem ?? (await cases.RecordEngagedAsync(StaffAccess.StaffOf(http), applicantId, input!, ct)).ToHttp();
    }

    public static async Task<IResult> CountsAsync(CaseService cases, CancellationToken ct) => TypedResults.Ok(await cases.CountsAsync(ct));

    public static async Task<IResult> CaseloadCsvAsync(HttpContext http, CaseService cases, CancellationToken ct) =>
        Csv(CaseloadCsv.Caseload(await cases.CaseloadAsync(StaffAccess.StaffOf(http), true, ct)), "caseload.csv");

    public static async Task<IResult> CountsCsvAsync(CaseService cases, CancellationToken ct) =>
        Csv(CaseloadCsv.Counts(await cases.CountsAsync(ct)), "programme-counts.csv");

    public static async Task<IResult> TeamAsync(HttpContext http, string staffId, AdviserTeams teams, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<TeamInput>(http.Request, ct);
        return problem ?? (await teams.ChangeAsync(StaffAccess.StaffOf(http), staffId, input!, ct)).ToHttp();
    }

    /// <summary>Adviser-assisted registration: 201 with the new case (and its ETag) on the adviser's caseload.</summary>
    public static async Task<IResult> RegisterAsync(HttpContext http, AssistedRegistration registration, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<AssistedRegistrationInput>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await registration.RegisterAsync(StaffAccess.StaffOf(http), input!, ct);
        if (result is Result<Versioned<CaseRecord>>.Ok ok)
        {
            http.Response.Headers.ETag = ok.Value.ETag.ToString();
            return TypedResults.Created($"/api/caseload/cases/{ok.Value.Value.ApplicantId}", ok.Value.Value);
        }

        return result.ToHttp(http);
    }

    private static async Task<IResult> WithBodyAsync<TInput>(HttpContext http, bool requireIfMatch, Func<Core.Staff.StaffPrincipal, TInput, ETag?, Task<Result<Versioned<CaseRecord>>>> change, CancellationToken ct)
        where TInput : class
    {
        var ifMatch = IfMatch.Of(http.Request);
        if (requireIfMatch && ifMatch is null)
        {
            return IfMatch.Required();
        }

        var (input, problem) = await JsonBody.ReadAsync<TInput>(http.Request, ct);
        return problem ?? (await change(StaffAccess.StaffOf(http), input!, ifMatch)).ToHttp(http);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Csv(string csv, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
}
