namespace CareersPipeline.Benchmarks;

/// <summary>One feature's benchmarks, run by name (<c>scripts/bench &lt;name&gt;</c>). Found by reflection, so a suite is one new class.</summary>
internal interface IBenchmarkSuite
{
    /// <summary>The name on the command line, lower case.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the suite and writes its report under <paramref name="resultsDirectory"/>; returns the exit code.</summary>
    Task<int> RunAsync(string[] args, string resultsDirectory);
}
