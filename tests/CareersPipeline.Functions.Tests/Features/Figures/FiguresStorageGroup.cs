using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Figures;

/// <summary>An Azurite of the figures' own: the rebuild reads every journey event, so no other test's people may be in it.</summary>
[CollectionDefinition(Name)]
public sealed class FiguresStorageGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "FiguresStorage";
}
