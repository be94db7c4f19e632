using System.Text.Json;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>With a SendGrid key, emails go through the SendGrid client, here to a local fake of its API.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendGridTests(AzuriteFixture storage) : IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose() => _sendGrid.Stop();

    [Fact]
    public async Task Confirmation_IsSentThroughSendGridWithTheVerificationLink()
    {
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        await using var app = await StartAsync();
        var body = SignUpBodies.Valid(Door.Website);

        var id = await app.SignUpAsync(body);

        var request = await Eventually.GetAsync(() => Task.FromResult(CallsFor((string)body["email"]!).FirstOrDefault()), "a call to SendGrid");
        Assert.Equal("Bearer SG.test-key", request.RequestMessage.Headers!["Authorization"].Single());
        var mail = JsonDocument.Parse(request.RequestMessage.Body!).RootElement;
        Assert.Equal((string)body["email"]!, mail.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("noreply@test.example", mail.GetProperty("from").GetProperty("email").GetString());
        Assert.Contains("/api/signups/verify-email?token=", mail.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(id, mail.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("reference").GetString());
        await app.WaitForApplicantAsync(id, a => a.ConfirmationSentAt is not null, "the send to be recorded");
        Assert.Empty(await app.OutboxForAsync(id));
    }

    [Fact]
    public async Task SendGridOutage_IsRetriedUntilAccepted_AndSentOnce()
    {
        var body = SignUpBodies.Valid(Door.Website);
        var email = (string)body["email"]!;
        bool ForThisPerson(string? requestBody) => requestBody?.Contains(email, StringComparison.OrdinalIgnoreCase) == true;
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).AtPriority(10).RespondWith(Response.Create().WithStatusCode(202));
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost().WithBody(ForThisPerson)).AtPriority(1)
            .InScenario("outage").WillSetStateTo("recovered").RespondWith(Response.Create().WithStatusCode(503));
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost().WithBody(ForThisPerson)).AtPriority(1)
            .InScenario("outage").WhenStateIs("recovered").RespondWith(Response.Create().WithStatusCode(202));
        await using var app = await StartAsync();

        var id = await app.SignUpAsync(body);

        await app.WaitForApplicantAsync(id, a => a.ConfirmationSentAt is not null, "the email to be accepted on retry");
        await Task.Delay(500);
        Assert.Equal(2, CallsFor((string)body["email"]!).Count());
    }

    // Queues are shared by the test collection, so the app may also deliver other tests' leftover emails.
    private IEnumerable<WireMock.Logging.ILogEntry> CallsFor(string email) =>
        _sendGrid.LogEntries.Where(e => e.RequestMessage.Body?.Contains(email, StringComparison.OrdinalIgnoreCase) == true);

    private Task<TestApp> StartAsync() => TestApp.StartAsync(storage, settings: new Dictionary<string, string?>
    {
        ["SENDGRID_API_KEY"] = "SG.test-key",
        ["SENDGRID_HOST"] = _sendGrid.Url,
        ["SENDGRID_FROM_EMAIL"] = "noreply@test.example",
    });
}
