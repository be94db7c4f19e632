namespace CareersPipeline.Core.Features.Applications;

/// <summary>An application, and whether this request made it (false: the person had applied already, and this is theirs).</summary>
public sealed record Applied(JobApplication Application, bool Created);
