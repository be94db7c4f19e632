using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>Under the Functions host, the matching queues arrive as invocations, with the host's payloads.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MatchingHostedModeTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task MatchPersonAndMatchCandidate_Invocations_MatchAndStore()
    {
        await using var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted, new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _world.PostcodesUrl });
        await app.SeedStaffAsync();
        var body = SignUpBodies.Valid(Door.Website);
        body["postcode"] = _world.Postcode();
        var id = await app.SignUpAsync(body);
        using (var processed = await InvokeAsync(app, "ProcessSignUp", $$"""{"applicantId":"{{id}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        }

        using (var matched = await InvokeAsync(app, "MatchPerson", $$"""{"applicantId":"{{id}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        }

        await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "the person's record");

        // Published under the host (the development sign-in is off here, so through the service): the change is queued
        // for the host to deliver, here by hand.
        var service = app.Services.GetRequiredService<OpportunityService>();
        var recruiter = DemoData.Staff.Single(s => s.SubjectId == Employer);
        var input = JsonSerializer.Deserialize<OpportunityInput>(JsonSerializer.Serialize(OpportunityBodies.Vacancy(postcode: _world.Postcode(milesEast: 2))), Core.JsonDefaults.Options)!;
        var created = Assert.IsType<Result<Opportunity>.Ok>(await service.CreateAsync(recruiter, input, CancellationToken.None));
        Assert.IsType<Result<Core.Storage.Versioned<Opportunity>>.Ok>(await service.PublishAsync(recruiter, created.Value.Id, expected: null, CancellationToken.None));
        var opportunity = created.Value.Id;
        using (var candidate = await InvokeAsync(app, "MatchCandidate", $$"""{"candidateId":"{{opportunity}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, candidate.StatusCode);
        }

        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "the new match");
    }

    [Fact]
    public async Task AMessageThatIsNotAMatchRequest_FailsTheInvocation_SoTheHostRetriesAndPoisonsIt()
    {
        await using var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted);

        using var response = await InvokeAsync(app, "MatchPerson", "not json at all");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    // The host JSON-encodes the message string inside Data.
    private static async Task<HttpResponseMessage> InvokeAsync(TestApp app, string function, string message)
    {
        var payload = JsonSerializer.Serialize(new
        {
            Data = new Dictionary<string, string> { ["message"] = JsonSerializer.Serialize(message) },
            Metadata = new Dictionary<string, object> { ["DequeueCount"] = 1, ["Id"] = Guid.NewGuid().ToString() },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return await app.Http.SendAsync(request);
    }
}
