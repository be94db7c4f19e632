using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Which employers pay the apprenticeship levy. The employer reference data has no column for it yet; its one-line
/// description says "levy payer" (as the demo trusts' do), and that is what is read here.
/// </summary>
public static class LevyPayers
{
    public static bool IsLevyPayer(ReferenceItem employer) =>
        employer.Kind == ReferenceKind.Employer && employer.Detail.Contains("levy payer", StringComparison.OrdinalIgnoreCase);
}
