using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Opportunities;

/// <summary>Role x endpoint x organisation: an employer never reads or changes another employer's opportunities.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OpportunityAuthorisationTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string Owner = "employer-uhnm";
    private TestApp _app = null!;

    public static TheoryData<string, string?, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string?, HttpStatusCode>();
        var expectations = new (string Endpoint, HttpStatusCode Nobody, HttpStatusCode Adviser, HttpStatusCode OtherEmployer, HttpStatusCode Owner, HttpStatusCode Admin)[]
        {
            ("create", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.Created),
            ("get", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("update", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("publish", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("close", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("archive", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK),
            ("list", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
            ("upload", HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK),
        };
        foreach (var e in expectations)
        {
            data.Add(e.Endpoint, null, e.Nobody);
            data.Add(e.Endpoint, "adviser-amina", e.Adviser);
            data.Add(e.Endpoint, "employer-mpft", e.OtherEmployer);
            data.Add(e.Endpoint, Owner, e.Owner);
            data.Add(e.Endpoint, "admin-ics", e.Admin);
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_ForActor_AnswersAsExpected(string endpoint, string? actor, HttpStatusCode expected)
    {
        var id = await CreateAsOwnerAsync();
        if (endpoint == "close")
        {
            using var publish = await _app.SendAsStaffAsync(Owner, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish");
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        }

        using var response = endpoint switch
        {
            "create" => await _app.SendAsStaffAsync(actor, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(OpportunityBodies.Vacancy("UHNM"))),
            "get" => await _app.SendAsStaffAsync(actor, HttpMethod.Get, $"/api/employer/opportunities/{id}"),
            // The owner's current version: a stranger who knows it still learns nothing and changes nothing.
            "update" => await _app.SendAsStaffAsync(actor, HttpMethod.Put, $"/api/employer/opportunities/{id}", OpportunityBodies.Json(OpportunityBodies.Vacancy("UHNM")), await _app.ETagAsync(Owner, $"/api/employer/opportunities/{id}")),
            "publish" => await _app.SendAsStaffAsync(actor, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish"),
            "close" => await _app.SendAsStaffAsync(actor, HttpMethod.Post, $"/api/employer/opportunities/{id}/close", OpportunityBodies.Json(new { reason = "Manual" })),
            "archive" => await _app.SendAsStaffAsync(actor, HttpMethod.Post, $"/api/employer/opportunities/{id}/archive"),
            "list" => await _app.SendAsStaffAsync(actor, HttpMethod.Get, "/api/employer/opportunities?employer=UHNM"),
            "upload" => await _app.SendAsStaffAsync(actor, HttpMethod.Post, "/api/employer/opportunities/upload?employer=UHNM", Csv(OneGoodRow())),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{endpoint} as {actor ?? "nobody"}: expected {expected}, got {response.StatusCode}: {body}");
        if (endpoint == "list" && expected == HttpStatusCode.OK)
        {
            var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
            Assert.Equal(actor != "employer-mpft", ids.Contains(id));
            Assert.All(JsonDocument.Parse(body).RootElement.EnumerateArray(), o => Assert.Equal("UHNM", o.GetProperty("employerCode").GetString()));
        }
    }

    private async Task<string> CreateAsOwnerAsync()
    {
        using var response = await _app.SendAsStaffAsync(Owner, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(OpportunityBodies.Vacancy("UHNM")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    internal static StringContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    internal static string OneGoodRow() =>
        "title,summary,careerFamily,postcodes,wageType,wageAmount,wageUnit,hoursPerWeek,closingDate,contractType\n"
        + $"Porter,Move patients and equipment safely around the hospital,EstatesAndFacilities,ST4 6QG,Fixed,23615,Annually,37.5,{OpportunityBodies.Today().AddDays(20):yyyy-MM-dd},Permanent\n";
}
