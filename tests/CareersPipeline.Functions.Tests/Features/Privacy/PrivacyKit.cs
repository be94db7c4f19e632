using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>
/// The privacy tests run on their own Azurite: several of them search or sweep the whole storage account (every
/// table, queue and container), which must not see, or disturb, the data of other test classes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PrivacyStorageGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Privacy Azurite";
}

/// <summary>A person with identifiers nobody else in the test storage has, so searching for them finds only them.</summary>
public sealed record TestPerson(string FirstName, string LastName, string Email, string PhoneAsEntered, string DateOfBirth, string Postcode)
{
    public string PhoneNormalised => "+44" + PhoneAsEntered.Replace(" ", string.Empty, StringComparison.Ordinal)[1..];

    /// <summary>Every form a piece of their personal data could take in storage, logs or messages.</summary>
    public IReadOnlyList<string> Identifiers =>
    [
        FirstName, LastName, Email, PhoneAsEntered, PhoneNormalised, PhoneAsEntered.Replace(" ", string.Empty, StringComparison.Ordinal),
        Postcode, Postcode.Replace(" ", string.Empty, StringComparison.Ordinal),
    ];

    public static TestPerson Unique(string dateOfBirth = "1991-06-21")
    {
        var digits = RandomNumberGenerator.GetInt32(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Shetland postcodes: nothing in the demo data is there.
        var postcode = $"ZE{RandomNumberGenerator.GetInt32(1, 4)} {RandomNumberGenerator.GetInt32(0, 10)}{Letter()}{Letter()}";
        return new TestPerson(Name(), Name(), $"{Name().ToLowerInvariant()}.{Guid.NewGuid():n}@example.org", $"07700 9{digits}", dateOfBirth, postcode);
    }

    private static string Name() => "Q" + string.Concat(Enumerable.Range(0, 9).Select(_ => (char)('a' + RandomNumberGenerator.GetInt32(0, 26))));

    private static char Letter() => "ABDEFGHJLNPQRSTUWXYZ"[RandomNumberGenerator.GetInt32(0, 20)];
}

internal static partial class PrivacyKit
{
    /// <summary>A fresh "manage your data" link, as the next email to the person would carry it (path and query).</summary>
    public static async Task<string> ManagePathAsync(TestApp app, string applicantId) =>
        new Uri(PrivacyLinks.ManageUrl(app.Services.GetRequiredService<PersonLinks>(), app.BaseUrl, (await app.FindApplicantAsync(applicantId))!, PrivacyLinkHolder.Person)).PathAndQuery;

    /// <summary>A link to the equality form, as the app makes it for this sign-up (path and query).</summary>
    public static async Task<string> EqualityPathAsync(TestApp app, string applicantId) =>
        new Uri(PrivacyLinks.EqualityUrl(app.Services.GetRequiredService<PersonLinks>(), app.BaseUrl, (await app.FindApplicantAsync(applicantId))!)).PathAndQuery;

    public const string Admin = "admin-ics";
    public const string Adviser = "adviser-amina";
    public const string Employer = "employer-uhnm";

    /// <summary>The app with reference data and staff seeded; the retention timer quiet unless a test asks.</summary>
    public static async Task<TestApp> StartAsync(AzuriteFixture storage, Dictionary<string, string?>? settings = null, RuntimeMode mode = RuntimeMode.Local)
    {
        settings ??= [];
        settings.TryAdd("PRIVACY_RETENTION_SCHEDULE", "0 0 0 1 1 *");
        var app = await TestApp.StartAsync(storage, mode, settings);
        await app.SeedReferenceDataAsync();
        await app.StoreDemoStaffAsync();
        return app;
    }

    public static Dictionary<string, object?> Body(Door door, TestPerson person, bool marketing = false, string? guardianEmail = null)
    {
        var body = SignUpBodies.Valid(door, person.Email, person.DateOfBirth);
        body["firstName"] = person.FirstName;
        body["lastName"] = person.LastName;
        body["phone"] = person.PhoneAsEntered;
        body["postcode"] = person.Postcode.ToLowerInvariant();
        body["consents"] = new Dictionary<string, object?> { ["contact"] = true, ["marketing"] = marketing, ["wordingVersion"] = "2026-09" };
        if (guardianEmail is not null)
        {
            body["guardianEmail"] = guardianEmail;
        }

        return body;
    }

    public static Task<string> SignUpAsync(TestApp app, Door door, TestPerson person, bool marketing = false, string? guardianEmail = null) =>
        app.SignUpAsync(Body(door, person, marketing, guardianEmail), door);

    /// <summary>
    /// Signs up, waits for the confirmation email and confirms the address by its link, as the person does, so the
    /// sign-up joins the person of that address; returns the id and the email.
    /// </summary>
    public static async Task<(string Id, OutboxItem Confirmation)> SignUpConfirmedAsync(TestApp app, Door door, TestPerson person, bool marketing = false)
    {
        var id = await SignUpAsync(app, door, person, marketing);
        var confirmation = await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        using (var verified = await app.Http.PostAsync(SignUpBodies.LinkIn(confirmation.Html, "verify-email").PathAndQuery, null))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        return (id, confirmation);
    }

    public static string Under16DateOfBirth(TestApp app) =>
        DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddYears(-14).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The "Manage your consent" link in an email, as a path and query.</summary>
    public static string ManageLink(OutboxItem email)
    {
        var match = HrefRegex().Matches(email.Html).FirstOrDefault(m => m.Groups[1].Value.Contains("/privacy/manage", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("No manage-your-consent link in the email.");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }

    public static string TokenOf(string pathAndQuery) => Uri.UnescapeDataString(pathAndQuery[(pathAndQuery.IndexOf("token=", StringComparison.Ordinal) + 6)..].Split('&')[0]);

    /// <summary>A request as <paramref name="subject"/>, the ICS admin unless a test says otherwise.</summary>
    public static Task<HttpResponseMessage> StaffAsync(TestApp app, HttpMethod method, string path, string subject = Admin, object? json = null) =>
        app.SendAsStaffAsync(subject, method, path, json);

    public static async Task<HttpResponseMessage> GetHtmlAsync(TestApp app, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await app.Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _));
    }

    /// <summary>Every string in storage: each property of each entity in every table, each message (base64 decoded) in every queue, each blob in every container.</summary>
    public static async Task<IReadOnlyList<(string Where, string Text)>> EverythingStoredAsync(AzuriteFixture storage)
    {
        var found = new List<(string, string)>();
        var tables = storage.Tables;
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in entity)
                {
                    found.Add(($"table {table.Name} {entity.PartitionKey}/{entity.RowKey} {key}", value?.ToString() ?? string.Empty));
                }

                found.Add(($"table {table.Name} keys", entity.PartitionKey + " " + entity.RowKey));
            }
        }

        var queues = storage.RawQueues;
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                found.Add(($"queue {queue.Name}", DecodeMessage(message.Body.ToString())));
            }
        }

        var blobs = storage.Blobs;
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                found.Add(($"blob {container.Name}/{blob.Name}", blob.Name + " " + (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content));
            }
        }

        return found;
    }

    /// <summary>Where any of <paramref name="values"/> occurs (case-insensitive) in <paramref name="texts"/>.</summary>
    public static IReadOnlyList<string> Occurrences(IEnumerable<(string Where, string Text)> texts, IEnumerable<string> values)
    {
        var list = values.ToList();
        return [.. texts.SelectMany(t => list.Where(v => t.Text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"'{v}' in {t.Where}"))];
    }

    /// <summary>A queue message as stored: base64 (the host's encoding) decoded to text; raw text when it is not base64.</summary>
    public static string DecodeMessage(string raw)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(raw));
        }
        catch (FormatException)
        {
            return raw;
        }
    }

    public static QueueClient Queue(AzuriteFixture storage, string name) => storage.Queues.GetQueueClient(name);

    public static BlobContainerClient Container(AzuriteFixture storage, string name) => storage.Blobs.GetBlobContainerClient(name);

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefRegex();
}
