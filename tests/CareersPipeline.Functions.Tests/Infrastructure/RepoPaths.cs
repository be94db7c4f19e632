namespace CareersPipeline.Functions.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries holding CareersPipeline.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareersPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CareersPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
