using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>
/// A place of its own for one test: a patch of map far from every other test's, with postcodes
/// placed by a fake postcodes.io, so the people and opportunities one test makes never match another's. The app's
/// timers stay quiet; tests run the digest and reminders through their admin endpoints.
/// </summary>
public sealed class MatchingWorld : IDisposable
{
    public const string Employer = "employer-uhnm";
    public const string Admin = "admin-ics";
    public const string Adviser = "adviser-amina";

    private static int _slots;
    private readonly FakePostcodesIo _postcodes = new();
    private readonly GeoPoint _centre;
    private readonly int _slot;
    private int _postcodeCount;

    public MatchingWorld()
    {
        // Four rows of latitude 3 degrees apart (207 miles) and as many columns 3 degrees apart as tests need (over 100
        // miles): a test's people and places stay within 55 miles of its centre, so no two tests' can be in reach, or
        // even in the same area partitions. Every test gets a new patch: Azurite keeps earlier tests' data.
        _slot = Interlocked.Increment(ref _slots) - 1;
        _centre = new GeoPoint(49 + (_slot % 4 * 3.0), -11 + (_slot / 4 * 3.0));
    }

    public string PostcodesUrl => _postcodes.Url;

    public FakePostcodesIo Postcodes => _postcodes;

    public void Dispose() => _postcodes.Dispose();

    public async Task<TestApp> StartAsync(AzuriteFixture storage, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await TestApp.StartAsync(storage, settings: values);
        await app.SeedStaffAsync();
        return app;
    }

    /// <summary>A new postcode, this many miles north and east of the world's centre.</summary>
    public string Postcode(double milesNorth = 0, double milesEast = 0)
    {
        var n = Interlocked.Increment(ref _postcodeCount);
        const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
        // Only this test's fake postcodes.io places it, so the same postcode may mean another place in another test.
        var postcode = $"ZE1 {n % 10}{InwardLetters[n / 10 % 20]}{InwardLetters[n / 200 % 20]}";
        var place = new GeoPoint(_centre.Latitude + (milesNorth / 69.09), _centre.Longitude + (milesEast / (69.09 * Math.Cos(_centre.Latitude * Math.PI / 180))));
        _postcodes.Add(postcode, place);
        return postcode;
    }

    /// <summary>Creates and publishes an opportunity as the UHNM recruiter; returns its id.</summary>
    public static async Task<string> PublishAsync(TestApp app, Dictionary<string, object?> body)
    {
        using var created = await app.SendAsStaffAsync(Employer, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var published = await app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// <summary>Signs up through the website door, waits until processed, and (unless told not to) confirms the email address by its link.</summary>
    public static async Task<string> SignUpAsync(TestApp app, string postcode, string[] interests, bool verify = true, Action<Dictionary<string, object?>>? change = null)
    {
        var body = SignUpBodies.Valid(Door.Website);
        body["postcode"] = postcode;
        body["careerInterests"] = interests;
        change?.Invoke(body);
        return await app.SignUpAsync(body, processed: true, verifyEmail: verify);
    }

    /// <summary>The person's stored match record once it satisfies <paramref name="condition"/>.</summary>
    public static Task<MatchRecordEntity> WaitForRecordAsync(TestApp app, string applicantId, Func<MatchRecordEntity, bool> condition, string what) =>
        Eventually.GetAsync(async () =>
        {
            var applicant = await app.FindApplicantAsync(applicantId);
            var record = applicant is null ? null : await app.Services.GetRequiredService<MatchStore>().FindAsync(MatchProfiles.PersonKeyOf(applicant), CancellationToken.None);
            return record is not null && condition(record) ? record : null;
        }, what);

    public static async Task<IReadOnlyList<OutboxItem>> EmailsAsync(TestApp app, string applicantId, EmailKind kind) =>
        [.. (await app.OutboxForAsync(applicantId)).Where(i => i.Kind == kind)];

    /// <summary>The link to the person's matches page, as their match emails carry it (path and query).</summary>
    public static async Task<string> MatchesLinkAsync(TestApp app, string applicantId) =>
        new Uri(app.Services.GetRequiredService<MatchLinks>().MatchesUrl((await app.FindApplicantAsync(applicantId))!)).PathAndQuery;

    public static async Task<string> UnsubscribeLinkAsync(TestApp app, string applicantId) =>
        new Uri(app.Services.GetRequiredService<MatchLinks>().UnsubscribeUrl((await app.FindApplicantAsync(applicantId))!)).PathAndQuery;
}
