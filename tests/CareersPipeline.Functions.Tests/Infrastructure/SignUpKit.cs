using System.Net;
using System.Net.Http.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>
/// Signing a person up as a client does, for the tests that need someone signed up (rather than testing the sign-up
/// itself): post the body to the door, expect it accepted, and, when asked, wait for processing and confirm the email.
/// </summary>
public static class SignUpKit
{
    /// <summary>
    /// Posts <paramref name="body"/> (a valid sign-up for <paramref name="door"/> when null) to that door, expects 202 Accepted
    /// and returns the applicant id. On an <see cref="HttpClient"/> so that hosted-mode handlers can use it as well as <see cref="TestApp"/>.
    /// </summary>
    public static async Task<string> SignUpAsync(this HttpClient http, Dictionary<string, object?>? body = null, Door door = Door.Website)
    {
        using var response = await http.PostAsJsonAsync(SignUpBodies.Path(door), body ?? SignUpBodies.Valid(door));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await SignUpBodies.ReadJsonAsync(response)).GetProperty("applicantId").GetString()!;
    }

    /// <summary>
    /// Signs up as the <see cref="HttpClient"/> overload does; with <paramref name="processed"/>, waits until the sign-up is processed
    /// (Active); with <paramref name="verifyEmail"/>, also confirms the address by its link, as matching requires.
    /// </summary>
    public static async Task<string> SignUpAsync(this TestApp app, Dictionary<string, object?>? body = null, Door door = Door.Website, bool processed = false, bool verifyEmail = false)
    {
        var id = await app.Http.SignUpAsync(body, door);
        if (processed || verifyEmail)
        {
            await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "the sign-up to be processed");
        }

        if (verifyEmail)
        {
            await app.VerifyEmailAsync(id);
        }

        return id;
    }

    /// <summary>Waits for the confirmation email and posts its verify-email link, as the person does when they click it.</summary>
    public static async Task VerifyEmailAsync(this TestApp app, string applicantId)
    {
        var confirmation = await app.WaitForEmailAsync(applicantId, EmailKind.Confirmation);
        using var verified = await app.Http.PostAsync(SignUpBodies.LinkIn(confirmation.Html, "verify-email").PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    /// <summary>
    /// Stores a sign-up as the door does but queues nothing: a crash between storing the row and sending its message,
    /// or a message lost to a poison queue. Returns its id.
    /// </summary>
    public static async Task<string> StoreStrandedSignUpAsync(this AzuriteFixture storage, string firstName)
    {
        var id = ApplicantIds.New();
        await storage.Tables.GetTableClient(Core.Storage.StorageNames.Tables.Applicants).AddEntityAsync(new ApplicantEntity
        {
            PartitionKey = id,
            PersonKey = id,
            Door = nameof(Door.Website),
            FirstName = firstName,
            LastName = "Person",
            Email = SignUpBodies.UniqueEmail(firstName.ToLowerInvariant()),
            DateOfBirth = "1990-01-01",
            Postcode = "ST4 6QG",
            CareerInterests = "Nursing",
            CurrentSituation = nameof(CurrentSituation.Unemployed),
            QualificationLevel = nameof(QualificationLevel.Level2),
            RightToWork = nameof(RightToWork.Yes),
            ConsentWordingVersion = "2026-09",
            Stage = "SignedUp",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        });
        return id;
    }
}
