namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>What a caller is told when an opportunity is not there or not theirs to see, or changed since they read it.</summary>
public static class OpportunityMessages
{
    public const string NotFound = "There is no opportunity with that id that you can see.";

    public const string Stale = "Someone else has changed this opportunity since you read it. Nothing of yours was saved: read it again and make your change to the latest version.";
}
