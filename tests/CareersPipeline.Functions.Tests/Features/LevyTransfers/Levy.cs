using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>The demo staff the levy tests act as, the app they run against, and the API calls they make.</summary>
internal static class Levy
{
    /// <summary>UHNM: a levy-paying trust.</summary>
    public const string Payer = "employer-uhnm";

    /// <summary>MPFT: another levy payer, party to nothing here.</summary>
    public const string OtherPayer = "employer-mpft";

    /// <summary>MEADOW-CARE: a small care home.</summary>
    public const string CareHome = "employer-meadow";

    /// <summary>HANLEY-HC and HOMECARE-ST: small employers, party to nothing unless a test says so.</summary>
    public const string Potteries = "employer-potteries";

    public const string Adviser = "adviser-amina";
    public const string Admin = "admin-ics";

    private const string Never = "0 0 0 1 1 *";

    /// <summary>The app with the demo employers and staff stored and the levy timers quiet (tests run the jobs themselves).</summary>
    public static async Task<TestApp> StartAsync(AzuriteFixture storage, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["LEVY_TRANSFER_SCHEDULE"] = Never, ["LEVY_SUMMARY_SCHEDULE"] = Never };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await TestApp.StartAsync(storage, settings: values);
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        foreach (var employer in DemoData.Employers)
        {
            await app.Services.GetRequiredService<ReferenceDataStore>().UpsertAsync(employer, CancellationToken.None);
        }

        await app.StoreDemoStaffAsync();
        return app;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options))!;

    public static async Task<PledgeView> CreatePledgeAsync(this TestApp app, PledgeInput input, string staffId = Payer)
    {
        using var response = await app.SendAsStaffAsync(staffId, HttpMethod.Post, "/api/levy/pledges", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PledgeView>();
    }

    public static async Task<ApplicationView> ApplyAsync(this TestApp app, string pledgeId, ApplicationInput input, string staffId = CareHome)
    {
        using var response = await app.SendAsStaffAsync(staffId, HttpMethod.Post, $"/api/levy/pledges/{pledgeId}/applications", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ApplicationView>();
    }

    /// <summary>A decision through the API, expecting <paramref name="expected"/>; the application as answered when it is 200.</summary>
    public static async Task<ApplicationView?> ActAsync(this TestApp app, string staffId, string applicationId, string verb, HttpStatusCode expected = HttpStatusCode.OK, string? reason = null)
    {
        using var response = await app.SendAsStaffAsync(staffId, HttpMethod.Post, $"/api/levy/applications/{applicationId}/{verb}", reason is null ? null : new DecisionInput(reason));
        Assert.True(response.StatusCode == expected, $"{verb}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return null;
        }

        return await response.ReadAsync<ApplicationView>();
    }

    public static async Task<PledgeView> PledgeAsync(this TestApp app, string pledgeId)
    {
        using var response = await app.SendAsStaffAsync(Admin, HttpMethod.Get, $"/api/levy/pledges/{pledgeId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<PledgeView>();
    }

    public static async Task<ApplicationView> ApplicationAsync(this TestApp app, string applicationId)
    {
        using var response = await app.SendAsStaffAsync(Admin, HttpMethod.Get, $"/api/levy/applications/{applicationId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ApplicationView>();
    }

    public static DateOnly Today(this TestApp app) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

    public static PledgeInput Pledge(TestApp app, decimal amount = 10_000m, AutoApproval autoApproval = AutoApproval.None, string employer = "UHNM", bool namePublic = false) => new()
    {
        EmployerCode = employer,
        Amount = amount,
        Levels = [2, 3],
        CareerFamilies = ["SocialCare"],
        Routes = ["Care services"],
        NamePublic = namePublic,
        AutoApproval = autoApproval.ToString(),
        ClosesOn = app.Today().AddDays(300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ContactName = "Priya Shah",
        ContactEmail = "priya.shah@example.org",
    };

    /// <summary>A care-worker application costing <paramref name="maxFunding"/> x <paramref name="apprentices"/>; level 2 matches <see cref="Pledge"/> 100%, level 5 75%.</summary>
    public static ApplicationInput Application(TestApp app, decimal maxFunding = 4_000m, int apprentices = 1, string employer = "MEADOW-CARE", int level = 2) => new()
    {
        EmployerCode = employer,
        Standard = new StandardInput("Adult care worker", 650, level, "Care services", "SocialCare", 12, maxFunding),
        NumberOfApprentices = apprentices,
        StartDate = app.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Postcodes = ["ST5 2LY"],
        Details = "Care worker apprentices for our dementia unit, with a mentor each.",
        ContactName = "Jo Clarke",
        ContactEmail = "jo.clarke@example.org",
    };

    public static async Task<IReadOnlyList<OutboxItem>> EmailsAsync(this TestApp app, string referenceId) =>
        (await app.Services.GetRequiredService<OutboxReader>().ListAsync(10_000, CancellationToken.None)).Where(i => i.ReferenceId == referenceId).ToList();

    /// <summary>Waits until at least <paramref name="count"/> emails about <paramref name="referenceId"/> are in the outbox.</summary>
    public static Task<IReadOnlyList<OutboxItem>> WaitForEmailsAsync(this TestApp app, string referenceId, int count) =>
        Eventually.GetAsync(async () => await app.EmailsAsync(referenceId) is { } emails && emails.Count >= count ? emails : null, $"{count} emails about {referenceId}");
}
