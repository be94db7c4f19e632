using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CareersPipeline.Deployment.Tests.AzureYaml;

/// <summary>
/// azd's azure.yaml schema (JSON Schema 2019-09), made checkable by NJsonSchema, which enforces draft-04/06 only.
/// The file is rewritten in memory into an equivalent draft-04 schema; see Schemas/README.md.
/// </summary>
internal static class AzdSchema
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Schemas", "azure.yaml.schema.json");

    // Keywords whose values are subschemas, by the shape of the value.
    private static readonly HashSet<string> SchemaMaps = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];
    private static readonly HashSet<string> SchemaLists = ["allOf", "anyOf", "oneOf"];
    private static readonly HashSet<string> SingleSchemas =
        ["not", "if", "then", "else", "contains", "propertyNames", "additionalProperties", "additionalItems", "items"];

    /// <summary>What NJsonSchema enforces, plus annotations that assert nothing. Anything else would pass unchecked.</summary>
    public static readonly IReadOnlySet<string> UnderstoodKeywords = new HashSet<string>
    {
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not",
        "pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "minimum", "maximum", "definitions",
        "$schema", "$id", "title", "description", "default", "examples", "deprecated", "comment",
    };

    private static readonly Lazy<(JObject Rewritten, Task<JsonSchema> Schema)> Loaded = new(() =>
    {
        var rewritten = Rewrite(JObject.Parse(File.ReadAllText(FilePath)));
        return (rewritten, JsonSchema.FromJsonAsync(rewritten.ToString()));
    });

    public static JObject Rewritten => Loaded.Value.Rewritten;

    /// <summary>The hosts azd itself knows (the schema lists them as examples of `host`).</summary>
    public static IReadOnlyList<string> KnownHosts =>
        JObject.Parse(File.ReadAllText(FilePath))
            .SelectToken("properties.services.additionalProperties.properties.host.examples")!
            .Values<string>().Select(h => h!).ToList();

    /// <summary>Schema errors, then any service whose host azd does not ship.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JToken document)
    {
        var schema = await Loaded.Value.Schema;
        var errors = schema.Validate(document).Select(e => e.ToString()).ToList();
        if (document["services"] is JObject services)
        {
            errors.AddRange(services.Properties()
                .Where(s => s.Value["host"] is JValue { Type: JTokenType.String } host && !KnownHosts.Contains(host.Value<string>()!))
                .Select(s => $"services.{s.Name}.host: '{s.Value["host"]}' is not a host azd ships ({string.Join(", ", KnownHosts)})"));
        }

        return errors;
    }

    /// <summary>Every keyword used where a subschema is expected, after rewriting.</summary>
    public static IEnumerable<string> KeywordsIn(JToken schema)
    {
        if (schema is not JObject obj)
        {
            yield break;
        }

        foreach (var property in obj.Properties())
        {
            yield return property.Name;
            foreach (var child in Subschemas(property))
            {
                foreach (var keyword in KeywordsIn(child))
                {
                    yield return keyword;
                }
            }
        }
    }

    private static JObject Rewrite(JObject schema)
    {
        RewriteNode(schema);
        return schema;
    }

    private static void RewriteNode(JObject node)
    {
        foreach (var property in node.Properties().ToList())
        {
            // Boolean subschemas (draft 6+): true accepts anything, false nothing. additionalProperties keeps its bool.
            if (property.Name != "additionalProperties")
            {
                ReplaceBooleanSubschemas(property);
            }

            foreach (var child in Subschemas(property).OfType<JObject>())
            {
                RewriteNode(child);
            }
        }

        if (node["const"] is { } constant)
        {
            node.Remove("const");
            node["enum"] = new JArray(constant);
        }

        // azd's AI extensions publish their own schemas at remote URLs; offline they stay unchecked.
        if (node.Value<string>("$ref") is { } reference && reference.StartsWith("http", StringComparison.Ordinal))
        {
            node.Remove("$ref");
        }

        // if/then/else is (if AND then) OR (NOT if AND else); a missing branch accepts anything.
        if (node["if"] is JObject condition)
        {
            var then = node["then"] ?? new JObject();
            var otherwise = node["else"] ?? new JObject();
            node.Remove("if");
            node.Remove("then");
            node.Remove("else");
            var equivalent = new JObject
            {
                ["anyOf"] = new JArray(
                    new JObject { ["allOf"] = new JArray(condition, then) },
                    new JObject { ["allOf"] = new JArray(new JObject { ["not"] = condition.DeepClone() }, otherwise) }),
            };
            if (node["allOf"] is JArray allOf)
            {
                allOf.Add(equivalent);
            }
            else
            {
                node["allOf"] = new JArray(equivalent);
            }
        }
    }

    private static void ReplaceBooleanSubschemas(JProperty property)
    {
        static JToken Replace(JToken value) => value.Type == JTokenType.Boolean
            ? value.Value<bool>() ? new JObject() : new JObject { ["not"] = new JObject() }
            : value;

        if (SchemaMaps.Contains(property.Name) && property.Value is JObject map)
        {
            foreach (var entry in map.Properties().ToList())
            {
                entry.Value = Replace(entry.Value);
            }
        }
        else if (SchemaLists.Contains(property.Name) && property.Value is JArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                list[i] = Replace(list[i]);
            }
        }
        else if (SingleSchemas.Contains(property.Name))
        {
            property.Value = Replace(property.Value);
        }
    }

    private static IEnumerable<JToken> Subschemas(JProperty property) => property.Name switch
    {
        _ when SchemaMaps.Contains(property.Name) && property.Value is JObject map => map.Properties().Select(p => p.Value),
        _ when SchemaLists.Contains(property.Name) && property.Value is JArray list => list,
        "items" when property.Value is JArray tuple => tuple,
        _ when SingleSchemas.Contains(property.Name) => [property.Value],
        _ => [],
    };
}
