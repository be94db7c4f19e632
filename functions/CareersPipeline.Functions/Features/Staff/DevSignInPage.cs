using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>Local mode only: the seeded staff a developer can act as, and how.</summary>
public static class DevSignInPage
{
    public static void MapDevSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dev/sign-in", async (StaffDirectory directory, CancellationToken ct) =>
            new PageResult(new LocalSignInPage(StaffAuthentication.DevUserHeader, await directory.ListAsync(ct)), StatusCodes.Status200OK)).ExcludeFromDescription();
}
