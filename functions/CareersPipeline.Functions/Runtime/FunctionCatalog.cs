using CareersPipeline.Functions.Features.Geocoding;
using CareersPipeline.Functions.Features.Health;
using CareersPipeline.Functions.Features.Opportunities;
using CareersPipeline.Functions.Features.Privacy;
using CareersPipeline.Functions.Features.SignUps;
using CareersPipeline.Functions.Features.Staff;

namespace CareersPipeline.Functions.Runtime;

/// <summary>Every function of the app. Manifests, routes, hosted invocations and local triggers all come from this list.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        .. SignUpFunctions.Definitions,
        .. GeocodingFunctions.Definitions,
        .. HealthFunctions.Definitions,
        .. StaffFunctions.Definitions,
        .. OpportunityFunctions.Definitions,
        .. OpportunityPages.Definitions,
        .. PrivacyFunctions.Definitions,
        .. Features.LevyTransfers.LevyTransferFunctions.Definitions,
        .. Features.LevyTransfers.LevyTransferPages.Definitions,
        .. Features.NationalVacancies.NationalVacancyFunctions.Definitions,
        .. Features.Matching.MatchingFunctions.Definitions,
        .. Features.Caseloads.CaseloadFunctions.Definitions,
        .. Features.Caseloads.CaseloadPages.Definitions,
        .. Features.Site.SiteFunctions.Definitions,
        .. Features.Administration.StaffAdministrationFunctions.Definitions,
        .. Features.Administration.ReferenceDataFunctions.Definitions,
        .. Features.Administration.RunFunctions.Definitions,
        .. Features.Administration.AuditFunctions.Definitions,
        .. Features.Applications.ApplicationFunctions.Definitions,
        .. Features.Administration.AdminStaffPages.Definitions,
        .. Features.Administration.AdminReferencePages.Definitions,
        .. Features.Administration.AdminRunPages.Definitions,
        .. Features.Administration.PoisonMessageFunctions.Definitions,
        .. Features.Administration.AdminQueuePages.Definitions,
        .. Features.Administration.AdminAuditPages.Definitions,
        .. Features.Applications.ApplicationPages.Definitions,
        .. Features.Figures.FiguresFunctions.Definitions,
        .. Features.Figures.FiguresPages.Definitions,
    ];
}
