using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>Every way a public client can get a sign-up wrong ends in a clear RFC 7807 problem, never a 500.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignUpValidationHttpTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedReferenceDataAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EmptyObject_ReportsEveryRequiredFieldAtOnce()
    {
        using var response = await PostRawAsync(SignUpBodies.Path(Door.School), "{}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] required = ["firstName", "lastName", "email", "dateOfBirth", "postcode", "careerInterests", "currentSituation", "qualificationLevel", "rightToWork", "consents", "schoolCode", "yearGroup"];
        Assert.Subset(fields, required.ToHashSet());
    }

    [Fact]
    public async Task InvalidValues_AreEachReportedAgainstTheirField()
    {
        var body = SignUpBodies.Valid(Door.Website);
        body["email"] = "not-an-email";
        body["phone"] = "12345";
        body["postcode"] = "NOWHERE";
        body["dateOfBirth"] = "2030-01-01";
        body["careerInterests"] = new[] { "Nursing", "Astronaut" };
        body["rightToWork"] = "Maybe";

        using var response = await _app.PostJsonAsync(SignUpBodies.Path(Door.Website), body);

        var errors = (await ReadProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "email", "phone", "postcode", "dateOfBirth", "careerInterests[1]", "rightToWork" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.NotEqual(0, messages.GetArrayLength());
        }
    }

    [Fact]
    public async Task MalformedJson_IsBadRequestProblem()
    {
        using var response = await PostRawAsync(SignUpBodies.Path(Door.Website), "{\"firstName\": \"Ann\",");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ValueOfWrongType_NamesTheField()
    {
        using var response = await PostRawAsync(SignUpBodies.Path(Door.School), "{\"yearGroup\": \"ten\"}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("yearGroup", out _), problem.ToString());
    }

    [Fact]
    public async Task NonJsonContentType_IsUnsupportedMediaType()
    {
        using var content = new StringContent("firstName=Ann", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _app.Http.PostAsync(SignUpBodies.Path(Door.Website), content);

        await ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task OversizedBody_WithLength_IsPayloadTooLarge()
    {
        using var response = await PostRawAsync(SignUpBodies.Path(Door.Website), "{\"firstName\": \"" + new string('a', 70_000) + "\"}");

        await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task OversizedBody_Chunked_IsPayloadTooLarge()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"firstName\": \"" + new string('a', 70_000) + "\"}");
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, SignUpBodies.Path(Door.Website)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _app.Http.SendAsync(request);

        await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(Door.School, "schoolCode")]
    [InlineData(Door.Event, "eventCode")]
    [InlineData(Door.Programme, "programmeCode")]
    public async Task UnknownCode_IsNotFoundProblemNamingTheField(Door door, string field)
    {
        var body = SignUpBodies.Valid(door);
        body[field] = "NO-SUCH-CODE";

        using var response = await _app.PostJsonAsync(SignUpBodies.Path(door), body);

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains("NO-SUCH-CODE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_AreProblems()
    {
        using var unknown = await _app.Http.GetAsync("/api/no-such-thing");
        using var wrongMethod = await _app.Http.DeleteAsync(SignUpBodies.Path(Door.Website));

        await ReadProblemAsync(unknown, HttpStatusCode.NotFound);
        await ReadProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _app.Http.PostAsync(path, content);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>A stream without a known length, so the client must send the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
