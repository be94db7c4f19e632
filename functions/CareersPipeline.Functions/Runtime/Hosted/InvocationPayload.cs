using System.Text.Json;

namespace CareersPipeline.Functions.Runtime.Hosted;

/// <summary>Reads the Functions host's invocation request: <c>{"Data": {binding: value}, "Metadata": {...}}</c>.</summary>
public static class InvocationPayload
{
    /// <summary>
    /// The queue message as the app sent it. The host JSON-encodes a string trigger value exactly once before it
    /// serializes the whole request (ScriptInvocationContextExtensions.GetHttpScriptInvocationContextValue:
    /// <c>JsonConvert.SerializeObject</c> of the string), so a message <c>{"a":1}</c> arrives as
    /// <c>"Data": {"message": "\"{\\\"a\\\":1}\""}</c>: one layer for the request, one for the value, and no more. A message
    /// that is itself a JSON string keeps its quotes. An object is taken as it is.
    /// </summary>
    public static string QueueMessage(JsonElement root)
    {
        var value = Binding(root, QueueFunction.BindingName);
        if (value.ValueKind == JsonValueKind.Object || value.ValueKind == JsonValueKind.Array)
        {
            return value.GetRawText();
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidQueueMessageException("invocation", $"Data.{QueueFunction.BindingName} is {value.ValueKind}");
        }

        try
        {
            return JsonSerializer.Deserialize<string>(value.GetString()!)
                ?? throw new InvalidQueueMessageException("invocation", $"Data.{QueueFunction.BindingName} is null");
        }
        catch (JsonException)
        {
            throw new InvalidQueueMessageException("invocation", $"Data.{QueueFunction.BindingName} is not the JSON-encoded string the host sends");
        }
    }

    /// <summary>How many times the host has dequeued the message (1 on the first attempt). The host sends it as a number or a string.</summary>
    public static long DequeueCount(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("Metadata", out var metadata)
            && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("DequeueCount", out var count))
        {
            if (count.ValueKind == JsonValueKind.Number && count.TryGetInt64(out var number))
            {
                return number;
            }

            if (count.ValueKind == JsonValueKind.String && long.TryParse(count.GetString(), out var parsed))
            {
                return parsed;
            }
        }

        return 1;
    }

    /// <summary>The timer binding: <c>{"Schedule": {...}, "ScheduleStatus": {Last, Next, LastUpdated} | null, "IsPastDue": bool}</c>.</summary>
    public static TimerInfo Timer(JsonElement root)
    {
        var timer = Binding(root, TimerFunction.BindingName);
        if (timer.ValueKind == JsonValueKind.String)
        {
            timer = JsonDocument.Parse(timer.GetString()!).RootElement;
        }

        var pastDue = timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
        DateTimeOffset? last = null, next = null;
        if (timer.TryGetProperty("ScheduleStatus", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            last = status.TryGetProperty("Last", out var l) && l.TryGetDateTimeOffset(out var lv) ? lv : null;
            next = status.TryGetProperty("Next", out var n) && n.TryGetDateTimeOffset(out var nv) ? nv : null;
        }

        return new TimerInfo(pastDue, last, next);
    }

    private static JsonElement Binding(JsonElement root, string name)
    {
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("Data", out var data)
            && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(name, out var value))
        {
            return value;
        }

        throw new InvalidQueueMessageException("invocation", $"Data.{name} is missing");
    }
}
