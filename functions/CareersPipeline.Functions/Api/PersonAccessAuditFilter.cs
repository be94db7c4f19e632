using CareersPipeline.Core.People;
using CareersPipeline.Functions.Features.Staff;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// <c>.RequireStaff(...).AuditPersonAccess(action)</c> on any staff endpoint that reads or changes a person: writes who,
/// when, which record (the <c>{applicantId}</c> route value) and what action to the Audit table before the handler
/// runs. Audit first: if the entry cannot be written, the access does not happen. An id that names nobody is no
/// access to a person's record, and is not recorded (so an erased person's id is not written back). Must follow RequireStaff.
/// </summary>
public static class PersonAccessAuditFilter
{
    public static RouteHandlerBuilder AuditPersonAccess(this RouteHandlerBuilder builder, string action, string routeValue = "applicantId") =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetRouteValue(routeValue) is string applicantId && ApplicantIds.IsWellFormed(applicantId)
                && await http.RequestServices.GetRequiredService<ApplicantStore>().FindAsync(applicantId, http.RequestAborted) is not null)
            {
                var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
                await http.RequestServices.GetRequiredService<PersonAccessAudit>()
                    .RecordAsync(applicantId, StaffAccess.StaffOf(http), action, endpoint, http.RequestAborted);
            }

            return await next(context);
        });
}
