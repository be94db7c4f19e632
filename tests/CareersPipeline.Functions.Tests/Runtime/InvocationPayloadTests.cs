using System.Text.Json;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Hosted;

namespace CareersPipeline.Functions.Tests.Runtime;

public sealed class InvocationPayloadTests
{
    [Fact]
    public void QueueMessage_AsTheHostSendsIt_IsDecodedToTheOriginal()
    {
        // The host JSON-encodes the string once (ScriptInvocationContextExtensions), then serializes the request.
        const string original = """{"applicantId":"a0123"}""";
        var payload = "{\"Data\":{\"message\":" + JsonSerializer.Serialize(JsonSerializer.Serialize(original)) + "},\"Metadata\":{\"DequeueCount\":1}}";

        Assert.Equal(original, InvocationPayload.QueueMessage(Parse(payload)));
    }

    [Fact]
    public void QueueMessage_ThatIsItselfAJsonString_IsDecodedOnceOnly()
    {
        // Decoding "until it is no longer a string" would strip this message's own quotes.
        const string original = "\"a0123\"";
        var payload = "{\"Data\":{\"message\":" + JsonSerializer.Serialize(JsonSerializer.Serialize(original)) + "}}";

        Assert.Equal(original, InvocationPayload.QueueMessage(Parse(payload)));
    }

    [Fact]
    public void QueueMessage_NotEncodedAsTheHostEncodesIt_IsAnInvalidMessage()
    {
        const string original = """{"applicantId":"a0123"}""";
        var payload = "{\"Data\":{\"message\":" + JsonSerializer.Serialize(original) + "}}";

        Assert.Throws<InvalidQueueMessageException>(() => InvocationPayload.QueueMessage(Parse(payload)));
    }

    [Fact]
    public void QueueMessage_AsObject_IsTakenAsItIs()
    {
        var payload = """{"Data":{"message":{"applicantId":"a0123"}}}""";

        Assert.Equal("""{"applicantId":"a0123"}""", InvocationPayload.QueueMessage(Parse(payload)));
    }

    [Fact]
    public void QueueMessage_Missing_IsAnInvalidMessage()
    {
        Assert.Throws<InvalidQueueMessageException>(() => InvocationPayload.QueueMessage(Parse("""{"Data":{}}""")));
    }

    [Theory]
    [InlineData("""{"Metadata":{"DequeueCount":3}}""", 3)]
    [InlineData("""{"Metadata":{"DequeueCount":"4"}}""", 4)]
    [InlineData("""{"Metadata":{}}""", 1)]
    [InlineData("""{}""", 1)]
    public void DequeueCount_IsReadFromNumberOrString(string payload, long expected)
    {
        Assert.Equal(expected, InvocationPayload.DequeueCount(Parse(payload)));
    }

    [Fact]
    public void Timer_ReadsPastDueAndScheduleStatus()
    {
        var payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-22T10:00:00+00:00","Next":"2026-11-22T10:05:00+00:00","LastUpdated":"2026-11-22T10:00:00+00:00"},"IsPastDue":true}},"Metadata":{}}
            """;

        var timer = InvocationPayload.Timer(Parse(payload));

        Assert.True(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), timer.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 5, 0, TimeSpan.Zero), timer.Next);
    }

    [Fact]
    public void Timer_WithNullStatus_HasNoLastRun()
    {
        var timer = InvocationPayload.Timer(Parse("""{"Data":{"timer":{"Schedule":{},"ScheduleStatus":null,"IsPastDue":false}}}"""));

        Assert.False(timer.IsPastDue);
        Assert.Null(timer.Last);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
