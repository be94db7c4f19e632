namespace CareersPipeline.Benchmarks.StaffWorkspace;

/// <summary>A page the target names, and whether an employer (a different one each request) or the admin asks for it.</summary>
internal sealed record StaffWorkspacePage(string Name, string Path, bool AsEmployer);
