namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>What a caller is told when an opportunity is not there or not theirs to see.</summary>
public static class OpportunityMessages
{
    public const string NotFound = "There is no opportunity with that id that you can see.";
}
