namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// How the person showed their right to work, as the adviser saw it: the kind of document or check only, never the
/// document, its number or a copy.
/// </summary>
public enum RightToWorkEvidence
{
    UkOrIrishPassport,
    ShareCode,
    BiometricResidencePermit,
    ApplicationRegistrationCard,
    ImmigrationStatusDocument,
    Other,
    NotSeenYet,
}
