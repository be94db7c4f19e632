using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace CareersPipeline.LoadTests;

/// <summary>Talks to the running app as any client would: plain JSON over HTTP on loopback.</summary>
internal sealed class AppClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly string _run = Guid.NewGuid().ToString("n")[..8];

    public AppClient(Uri baseAddress)
    {
        _http = new HttpClient(NewHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static SocketsHttpHandler NewHandler() => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>A valid website sign-up with an email unique to this run, phase and index (so never a repeat).</summary>
    public static byte[] Body(string email) => Encoding.UTF8.GetBytes(
        "{\"firstName\":\"Load\",\"lastName\":\"Tester\",\"email\":\"" + email + "\",\"dateOfBirth\":\"1990-05-01\","
        + "\"postcode\":\"ST4 6QG\",\"careerInterests\":[\"Nursing\"],\"currentSituation\":\"Unemployed\","
        + "\"qualificationLevel\":\"Level2\",\"rightToWork\":\"Yes\","
        + "\"consents\":{\"contact\":true,\"marketing\":false,\"wordingVersion\":\"2026-09\"}}");

    public string Email(string phase, int i) => $"load.{_run}.{phase}.{i}@example.org";

    /// <summary>Posts one sign-up; a success is a 202 whose body names the applicant (the answer never says whether it was a repeat).</summary>
    public async Task<SignUpAnswer> SignUpAsync(string phase, int i, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(Body(Email(phase, i)));
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync("/api/signups/website", content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return new SignUpAnswer(false, $"HTTP {(int)response.StatusCode}", null);
        }

        using var json = JsonDocument.Parse(bytes);
        var id = json.RootElement.TryGetProperty("applicantId", out var a) ? a.GetString() : null;
        return id is null ? new SignUpAnswer(false, "202 without applicantId", null) : new SignUpAnswer(true, null, id);
    }

    public async Task<HttpStatusCode> HealthAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("/api/health", cancellationToken);
        return response.StatusCode;
    }

    /// <summary>GET /dev/outbox.json: the newest 200 emails as {referenceId -> createdAt}.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> OutboxAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("/dev/outbox.json", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            if (item.TryGetProperty("referenceId", out var reference) && reference.GetString() is { } id
                && item.TryGetProperty("createdAt", out var created) && created.TryGetDateTimeOffset(out var at))
            {
                // Several emails could name one applicant; the first handed over is the one that counts.
                result[id] = result.TryGetValue(id, out var seen) && seen < at ? seen : at;
            }
        }

        return result;
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record SignUpAnswer(bool Ok, string? Error, string? ApplicantId);

/// <summary>
/// The baseline: the storage work of one sign-up done directly with the SDKs, as the app does it (insert an applicant-sized
/// entity, then send a small JSON message with base64 encoding), into a table and queue nothing else touches.
/// </summary>
internal sealed class RawStorage(string connectionString)
{
    public const string TableName = "LoadRawApplicants";
    public const string QueueName = "load-raw";

    private readonly TableClient _table = new TableServiceClient(connectionString).GetTableClient(TableName);
    private readonly QueueClient _queue = new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(QueueName);
    private readonly QueueServiceClient _queues = new(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly string _run = Guid.NewGuid().ToString("n")[..8];

    public async Task CreateAsync()
    {
        await _table.CreateIfNotExistsAsync();
        await _queue.CreateIfNotExistsAsync();
    }

    public async Task<(bool, string?)> SignUpAsync(string phase, int i)
    {
        var id = "a" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{_run}|{phase}|{i}")).AsSpan(0, 12));
        var now = TimeProvider.System.GetUtcNow();
        await _table.AddEntityAsync(RawApplicant.Create(id, $"load.{_run}.{phase}.{i}@example.org", now));
        await _queue.SendMessageAsync("{\"applicantId\":\"" + id + "\"}", null, TimeSpan.FromSeconds(-1));
        return (true, null);
    }

    /// <summary>Messages in a queue, visible or not (Azurite counts both).</summary>
    public async Task<int> DepthAsync(string queue)
    {
        try
        {
            return (await _queues.GetQueueClient(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}

/// <summary>The same properties, and the same kind of values, as the app's applicant row when it is first stored.</summary>
internal sealed class RawApplicant : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = "applicant";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Door { get; set; } = "Website";
    public string? DoorCode { get; set; }
    public int? YearGroup { get; set; }
    public string PersonKey { get; set; } = string.Empty;
    public string FirstName { get; set; } = "Load";
    public string LastName { get; set; } = "Tester";
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string DateOfBirth { get; set; } = "1990-05-01";
    public string Postcode { get; set; } = "ST4 6QG";
    public string CareerInterests { get; set; } = "Nursing";
    public string CurrentSituation { get; set; } = "Unemployed";
    public string QualificationLevel { get; set; } = "Level2";
    public string RightToWork { get; set; } = "Yes";
    public string SupportNeeds { get; set; } = string.Empty;
    public string? SupportNeedsOther { get; set; }
    public string PreferredLanguage { get; set; } = "en";
    public bool ContactConsent { get; set; } = true;
    public bool MarketingConsent { get; set; }
    public string ConsentWordingVersion { get; set; } = "2026-09";
    public DateTimeOffset ConsentedAt { get; set; }
    public string? GuardianEmail { get; set; }
    public DateTimeOffset? GuardianConsentedAt { get; set; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    public string Status { get; set; } = "Received";
    public string? Route { get; set; }
    public string? RouteReason { get; set; }
    public string Stage { get; set; } = "SignedUp";
    public string GeocodeStatus { get; set; } = "NotAttempted";
    public int GeocodeAttempts { get; set; }
    public DateTimeOffset? NextGeocodeAttemptAt { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AdminDistrict { get; set; }
    public string? Region { get; set; }
    public string? IcbCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? ConfirmationQueuedAt { get; set; }
    public DateTimeOffset? ConfirmationSentAt { get; set; }
    public DateTimeOffset? GuardianRequestQueuedAt { get; set; }
    public DateTimeOffset? GuardianRequestSentAt { get; set; }

    public static RawApplicant Create(string id, string email, DateTimeOffset now) => new()
    {
        PartitionKey = id,
        PersonKey = id[1..17],
        Email = email,
        ConsentedAt = now,
        CreatedAt = now,
    };
}
