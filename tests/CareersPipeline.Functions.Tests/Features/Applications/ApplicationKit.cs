using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>A live vacancy, a verified person with their applications link, and applying as they do.</summary>
public static class ApplicationKit
{
    public const string Owner = "employer-uhnm";
    public const string OtherEmployer = "employer-mpft";

    public static readonly object Answers = new
    {
        whyThisRole = "I cared for my grandmother <b>for years</b> and want to do it as a job.",
        caringExperience = "Three years caring at home.",
        whenCanStart = "Straight away",
        interviewAdjustments = "A morning interview, please.",
    };

    /// <summary>Creates and publishes a vacancy for UHNM; returns its id.</summary>
    public static async Task<string> LiveVacancyAsync(this TestApp app, int positions = 1)
    {
        var body = OpportunityBodies.Vacancy("UHNM");
        body["positions"] = positions;
        using var created = await app.SendAsStaffAsync(Owner, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var published = await app.SendAsStaffAsync(Owner, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// <summary>A signed-up, verified person; returns their applicant id and the token of their applications link.</summary>
    public static async Task<(string ApplicantId, string Token)> VerifiedPersonAsync(this TestApp app)
    {
        var id = await app.SignUpAsync(verifyEmail: true);
        var applicant = await app.WaitForApplicantAsync(id, a => a.EmailVerifiedAt is not null, "the address to be verified");
        return (id, app.Services.GetRequiredService<ApplicationLinks>().Token(applicant));
    }

    public static string Query(string token) => "?token=" + Uri.EscapeDataString(token);

    public static Task<HttpResponseMessage> ApplyAsync(this TestApp app, string opportunityId, string token, object? answers = null) =>
        app.Http.PostAsJsonAsync($"/api/applications/apply/{opportunityId}{Query(token)}", answers ?? Answers, JsonDefaults.Options);

    public static async Task<string> AppliedIdAsync(this TestApp app, string opportunityId, string token)
    {
        using var response = await app.ApplyAsync(opportunityId, token);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> EmployerAsync(this TestApp app, string applicationId, string action, object body, string staff = Owner, string? ifMatch = null) =>
        app.SendAsStaffAsync(staff, HttpMethod.Post, $"/api/employer/applications/{applicationId}/{action}", body, ifMatch);

    public static async Task<ApplicantEntity> ApplicantAsync(this TestApp app, string applicantId) => (await app.FindApplicantAsync(applicantId))!;
}
