using System.Text.Json.Nodes;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>One source of a subject access export: its heading and the data it holds about the person.</summary>
public sealed record SubjectAccessSection(string Heading, JsonNode? Data);
