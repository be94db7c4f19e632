using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareersPipeline.Core;

public static class JsonDefaults
{
    /// <summary>camelCase, enums as strings: the shape of every API body and queue message.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
