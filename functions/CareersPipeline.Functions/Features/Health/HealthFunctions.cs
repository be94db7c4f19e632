using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Health;
using CareersPipeline.Functions.Runtime;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Functions.Features.Health;

public static class HealthFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("Health", "GET", "health", CheckAsync, b => b.Produces<HealthResponse>(200).Produces<HealthResponse>(503)),

        // The OpenAPI document of every HTTP function, generated from the same endpoints.
        new HttpFunction("OpenApiDocument", $"{HttpFunction.ApiPrefix}/openapi/{{documentName}}.json", ["GET"], HttpArea.Api, (endpoints, pattern) => endpoints.MapOpenApi(pattern)),
    ];

    private static async Task<IResult> CheckAsync(StorageHealthCheck storage, RuntimeInfo runtime, IOptions<EmailOptions> email, CancellationToken cancellationToken)
    {
        var report = await storage.CheckAsync(cancellationToken);
        var body = new HealthResponse(report.Status, runtime.Mode.ToString(), email.Value.UseSendGrid ? "SendGrid" : "LocalOutbox", report.Components);
        return Results.Json(body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status, string Mode, string Email, IReadOnlyList<ComponentHealth> Storage);
