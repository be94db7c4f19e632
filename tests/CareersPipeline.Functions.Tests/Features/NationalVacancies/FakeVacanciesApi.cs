using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.NationalVacancies;

/// <summary>
/// The DfE vacancies API v2 on loopback (WireMock.Net), answering <c>GET /vacancies/vacancy</c> in the API's own
/// shape: camelCase, enums as strings, null fields left out, pages of vacancies with total, totalFiltered and
/// totalPages. Pages here hold <see cref="PerPage"/> vacancies whatever PageSize asks, to make several pages cheap.
/// </summary>
public sealed class FakeVacanciesApi : IDisposable
{
    public const string Path = "/vacancies/vacancy";
    public const int PerPage = 2;
    private static long _nextReference = 1_000_000_000 + (Random.Shared.NextInt64(0, 100_000_000) * 10);

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>What DFE_VACANCIES_BASE_URL should be: the API lives under /vacancies, as the real one does.</summary>
    public string BaseUrl => Server.Url + "/vacancies";

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries.Where(e => e.RequestMessage.Path == Path)];

    public static string NewReference() => "VAC" + Interlocked.Increment(ref _nextReference).ToString(CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>A vacancy with every field the API fills for a typical NHS apprenticeship; contact details included, as the API sends them.</summary>
    public static JsonObject Vacancy(string reference, string title = "Healthcare Support Worker Apprentice", int closingInDays = 20) => new()
    {
        ["title"] = title,
        ["description"] = "Join our ward team and train as a healthcare support worker while you earn. Full training, a mentor and a qualification.",
        ["numberOfPositions"] = 3,
        ["postedDate"] = $"{Today.AddDays(-5):yyyy-MM-dd}T09:12:44.17Z",
        ["closingDate"] = $"{Today.AddDays(closingInDays):yyyy-MM-dd}T23:59:59Z",
        ["startDate"] = $"{Today.AddDays(60):yyyy-MM-dd}T00:00:00Z",
        ["wage"] = new JsonObject
        {
            ["wageType"] = "Custom",
            ["wageAmount"] = 24071.00m,
            ["wageUnit"] = "Annually",
            ["wageAdditionalInformation"] = "Agenda for Change band 2",
            ["workingWeekDescription"] = "Monday to Sunday shifts, including some nights",
        },
        ["hoursPerWeek"] = 37.5m,
        ["expectedDuration"] = "1 year 6 months",
        ["addresses"] = new JsonArray(
            new JsonObject { ["addressLine1"] = "Royal Stoke University Hospital", ["addressLine3"] = "Stoke-on-Trent", ["postcode"] = "ST4 6QG", ["latitude"] = 52.9945, ["longitude"] = -2.2139 },
            new JsonObject { ["addressLine1"] = "County Hospital", ["addressLine3"] = "Stafford", ["postcode"] = "ST16 3SA", ["latitude"] = 52.8256, ["longitude"] = -2.1198 }),
        ["applicationUrl"] = $"https://jobs.example.nhs.uk/apply/{reference}",
        ["distance"] = 3.4,
        ["employerName"] = "University Hospitals of North Midlands NHS Trust",
        ["employerWebsiteUrl"] = "https://www.uhnm.nhs.uk",
        ["employerContactName"] = "Sam Recruiter",
        ["employerContactEmail"] = "sam.recruiter@example.nhs.uk",
        ["employerContactPhone"] = "01782 000000",
        ["course"] = new JsonObject { ["larsCode"] = 296, ["title"] = "Healthcare support worker", ["level"] = 2, ["route"] = "Health and science", ["type"] = "Standard" },
        ["apprenticeshipLevel"] = "Intermediate",
        ["providerName"] = "Stoke on Trent College",
        ["ukprn"] = 10006226,
        ["isDisabilityConfident"] = true,
        ["vacancyUrl"] = $"https://www.findapprenticeship.service.gov.uk/apprenticeship/{reference}",
        ["vacancyReference"] = reference,
        ["isNationalVacancy"] = false,
    };

    /// <summary>Answers every page of a feed holding <paramref name="vacancies"/>, <see cref="PerPage"/> to a page.</summary>
    public void ServeFeed(IReadOnlyList<JsonObject> vacancies, int? totalFilteredOverride = null)
    {
        var pages = Pages(vacancies, totalFilteredOverride);
        for (var i = 0; i < pages.Count; i++)
        {
            ServePage(i + 1, pages[i]);
        }
    }

    /// <summary>The JSON of each page of a feed, for tests that answer some pages themselves.</summary>
    public static List<string> Pages(IReadOnlyList<JsonObject> vacancies, int? totalFilteredOverride = null)
    {
        var totalPages = (vacancies.Count + PerPage - 1) / PerPage;
        var pages = new List<string>();
        for (var page = 1; page <= Math.Max(totalPages, 1); page++)
        {
            var items = new JsonArray([.. vacancies.Skip((page - 1) * PerPage).Take(PerPage).Select(v => v.DeepClone())]);
            pages.Add(new JsonObject
            {
                ["vacancies"] = items,
                ["total"] = 5321,
                ["totalFiltered"] = totalFilteredOverride ?? vacancies.Count,
                ["totalPages"] = totalPages,
            }.ToJsonString());
        }

        return pages;
    }

    public void ServePage(int pageNumber, string body, int priority = 10) =>
        Server.Given(PageRequest(pageNumber)).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body));

    public void Fail(int? pageNumber, int status, int priority = 1) =>
        Server.Given(pageNumber is null ? Request.Create().WithPath(Path).UsingGet() : PageRequest(pageNumber.Value)).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"statusCode": {{status}}, "message": "Failed"}"""));

    public static IRequestBuilder PageRequest(int pageNumber) =>
        Request.Create().WithPath(Path).WithParam("PageNumber", pageNumber.ToString(CultureInfo.InvariantCulture)).UsingGet();

    public static string Query(ILogEntry entry, string name) =>
        entry.RequestMessage.Query is { } query && query.TryGetValue(name, out var values) ? string.Join(",", values) : "(absent)";

    public static string Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : "(absent)";

    public void Dispose() => Server.Stop();
}
