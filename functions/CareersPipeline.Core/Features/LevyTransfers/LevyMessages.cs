namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>What a caller is told when a pledge or application is not there or not theirs to see.</summary>
public static class LevyMessages
{
    public const string PledgeNotFound = "There is no pledge with that id that you can see.";
    public const string ApplicationNotFound = "There is no application with that id that you can see.";
}
