using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Infrastructure;

/// <summary>Reading ARM JSON: resources of a compiled template, at any depth of nested deployments.</summary>
internal static class ArmTemplate
{
    /// <summary>Every resource of a template and of the templates of its nested deployments (modules).</summary>
    public static IEnumerable<JObject> AllResources(JObject template)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name, older ones in an array.
        var resources = template["resources"] switch
        {
            JArray array => array.Children<JObject>(),
            JObject byName => byName.Properties().Select(p => (JObject)p.Value),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JObject properties && properties["template"] is JObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Every nested template (module), with the template itself first.</summary>
    public static IEnumerable<JObject> AllTemplates(JObject template) =>
        new[] { template }.Concat(AllResources(template)
            .Select(r => (r["properties"] as JObject)?["template"]).OfType<JObject>());
}
