namespace CareersPipeline.Core.Places;

public sealed record PostcodeLookupResult(LookupOutcome Outcome, Place? Place);
