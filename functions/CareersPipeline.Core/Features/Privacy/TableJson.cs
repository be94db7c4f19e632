using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>Table rows as JSON for exports: every property, camelCase, without storage bookkeeping.</summary>
internal static class TableJson
{
    public static JsonObject ToJson(TableEntity row, string partitionKeyName)
    {
        var node = new JsonObject { [partitionKeyName] = row.PartitionKey, ["record"] = row.RowKey };
        foreach (var (key, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            node[JsonNamingPolicy.CamelCase.ConvertName(key)] = value switch
            {
                null => null,
                string s => s,
                bool b => b,
                int i => i,
                long l => l,
                double d => d,
                DateTimeOffset t => t,
                DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
                Guid g => g.ToString(),
                byte[] bytes => Convert.ToBase64String(bytes),
                _ => value.ToString(),
            };
        }

        node["lastChanged"] = row.Timestamp;
        return node;
    }
}
