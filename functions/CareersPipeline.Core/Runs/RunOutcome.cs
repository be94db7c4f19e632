namespace CareersPipeline.Core.Runs;

public enum RunOutcome
{
    /// <summary>Started and not finished (or the instance running it stopped: a run never finished stays so).</summary>
    Running,
    Succeeded,
    Failed,

    /// <summary>Nothing to do in this deployment (the national import without its DfE key).</summary>
    NotConfigured,
}
