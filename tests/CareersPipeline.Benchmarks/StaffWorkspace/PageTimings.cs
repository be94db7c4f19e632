namespace CareersPipeline.Benchmarks.StaffWorkspace;

/// <summary>One page's measured response times, in milliseconds, and the average size of what it sent.</summary>
internal sealed record PageTimings(StaffWorkspacePage Page, IReadOnlyList<double> Milliseconds, long AverageBytes)
{
    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
    }
}
