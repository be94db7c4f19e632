using Microsoft.AspNetCore.Mvc;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Every error leaves as RFC 7807 problem details: validation (400), unknown codes (404), body too large (413),
/// wrong media type (415), unmatched routes and methods, and anything unexpected (500, without a stack trace).
/// </summary>
public static class Problems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Never let exception details reach a client, whatever the environment.
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails.Status == StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Detail = "Something went wrong on our side. Nothing you sent was lost if you were told it was accepted; otherwise try again.";
            }
        });

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        }).UseStatusCodePages();

    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
