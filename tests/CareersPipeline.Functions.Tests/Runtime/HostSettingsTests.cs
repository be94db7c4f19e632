using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CareersPipeline.Functions.Tests.Runtime;

public sealed class HostSettingsTests
{
    [Fact]
    public void LoadQueues_ReadsTheRootHostJson()
    {
        var settings = HostSettings.LoadQueues(RepoPaths.Root, new ConfigurationBuilder().Build());

        Assert.Equal(16, settings.BatchSize);
        Assert.Equal(8, settings.NewBatchThreshold);
        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.VisibilityTimeout);
    }

    [Fact]
    public void LoadQueues_AppSettingOverridesWinAsInTheHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "64",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.010",
        }).Build();

        var settings = HostSettings.LoadQueues(RepoPaths.Root, configuration);

        Assert.Equal(2, settings.MaxDequeueCount);
        Assert.Equal(32, settings.BatchSize);
        Assert.Equal(QueueSettings.MinimumPollingInterval, settings.MaxPollingInterval);
    }

    [Fact]
    public void LoadQueues_WithoutHostJson_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostSettings.LoadQueues(Path.GetTempPath(), new ConfigurationBuilder().Build()));

        Assert.Contains("host.json", error.Message, StringComparison.Ordinal);
    }
}
