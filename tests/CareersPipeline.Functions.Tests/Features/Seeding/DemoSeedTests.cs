using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Hosting;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Seeding;

[Collection(AzuriteGroup.Name)]
public sealed class DemoSeedTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Seed_FillsEveryKindOfDemoData_ShowsProgress_AndIsSafeToRepeat()
    {
        await using var app = await TestApp.StartAsync(storage);
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        var progress = new List<string>();

        var first = await seeder.SeedAsync(12, new SynchronousProgress(progress), CancellationToken.None);
        var second = await seeder.SeedAsync(12, new SynchronousProgress([]), CancellationToken.None);

        Assert.Equal(12, first.Applicants);
        Assert.Equal(0, second.NewApplicants);
        Assert.Contains(progress, p => p.StartsWith("Applicants: 12/12", StringComparison.Ordinal));
        Assert.Contains(progress, p => p.StartsWith("Opportunities:", StringComparison.Ordinal));
        var live = await app.Services.GetRequiredService<OpportunitySearch>().SearchAsync(new OpportunityQuery(PageSize: 100), CancellationToken.None);
        foreach (var demo in DemoOpportunities.Inputs(DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime)))
        {
            Assert.Single(live.Items, o => o.Title == demo.Title);
        }

        var doors = DemoData.Applicants(DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), 12).Select(a => a.Door).Distinct();
        Assert.Equal(Enum.GetValues<Door>().Order(), doors.Order());
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsageAndFailsWithoutAStackTrace()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await AppCommands.RunAsync(["frobnicate"]));
            Assert.Equal(2, await AppCommands.RunAsync(["seed", "--applicants", "lots"]));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("Unknown command 'frobnicate'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--applicants must be a whole number", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
