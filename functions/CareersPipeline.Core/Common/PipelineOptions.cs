namespace CareersPipeline.Core;

public sealed class PipelineOptions
{
    /// <summary>Where links in emails point: the function app's public address.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The integrated care system's name, as people know it.</summary>
    public string IcsName { get; set; } = "Staffordshire and Stoke-on-Trent";
}
