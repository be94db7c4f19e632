using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Storage;

/// <summary>The one read-change-write loop, against a real table: it re-applies a change another writer overtook, and gives up at its limit.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ETagRetryTests(AzuriteFixture storage)
{
    [Fact]
    public async Task RunAsync_AnotherWriterChangesTheRowBetweenReadAndWrite_ReadsAgainAndReappliesTheChange()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("counter", "row") { ["Count"] = 1L });
        var attempts = 0;

        var written = await ETagRetry.RunAsync(async ct =>
        {
            attempts++;
            var row = (await table.GetEntityAsync<TableEntity>("counter", "row", cancellationToken: ct)).Value;
            if (attempts == 1)
            {
                // Another writer gets in between this attempt's read and its write.
                await table.UpdateEntityAsync(new TableEntity("counter", "row") { ["Count"] = 10L }, ETag.All, TableUpdateMode.Replace, ct);
            }

            row["Count"] = row.GetInt64("Count")!.Value + 1;
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            return row.GetInt64("Count");
        }, CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.Equal(11, written);
        Assert.Equal(11, (await table.GetEntityAsync<TableEntity>("counter", "row")).Value.GetInt64("Count"));
    }

    [Fact]
    public async Task RunAsync_TwoWritersAddTheSameRow_TheLoserReadsItAndChangesItInstead()
    {
        var table = await TableAsync();
        var attempts = 0;

        await ETagRetry.RunAsync(async ct =>
        {
            attempts++;
            var existing = await table.GetEntityIfExistsAsync<TableEntity>("counter", "row", cancellationToken: ct);
            if (attempts == 1)
            {
                await table.AddEntityAsync(new TableEntity("counter", "row") { ["Count"] = 5L }, ct);
            }

            return existing.HasValue
                ? await table.UpdateEntityAsync(new TableEntity("counter", "row") { ["Count"] = existing.Value!.GetInt64("Count") + 1 }, existing.Value.ETag, TableUpdateMode.Replace, ct)
                : await table.AddEntityAsync(new TableEntity("counter", "row") { ["Count"] = 1L }, ct);
        }, CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.Equal(6, (await table.GetEntityAsync<TableEntity>("counter", "row")).Value.GetInt64("Count"));
    }

    [Fact]
    public async Task RunAsync_EveryWriteIsStale_GivesUpAfterTheLimit_WithTheLast412()
    {
        var table = await TableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("counter", "row") { ["Count"] = 1L })).Headers.ETag!.Value;
        await table.UpdateEntityAsync(new TableEntity("counter", "row") { ["Count"] = 2L }, ETag.All, TableUpdateMode.Replace);
        var attempts = 0;

        var conflict = await Assert.ThrowsAsync<ETagConflictException>(() => ETagRetry.RunAsync(async ct =>
        {
            attempts++;
            return await table.UpdateEntityAsync(new TableEntity("counter", "row") { ["Count"] = 3L }, stale, TableUpdateMode.Replace, ct);
        }, CancellationToken.None));

        Assert.Equal(ETagRetry.MaxAttempts, attempts);
        Assert.Equal(ETagRetry.MaxAttempts, conflict.Attempts);
        Assert.Equal(412, Assert.IsType<RequestFailedException>(conflict.InnerException).Status);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("counter", "row")).Value.GetInt64("Count"));
    }

    [Fact]
    public async Task RunAsync_AttemptReportsLostEveryTime_GivesUpAfterTheLimit()
    {
        var numbers = new List<int>();

        await Assert.ThrowsAsync<ETagConflictException>(() => ETagRetry.RunAsync((number, _) =>
        {
            numbers.Add(number);
            return Task.FromResult(ETagAttempt.Lost<string>());
        }, CancellationToken.None));

        Assert.Equal(Enumerable.Range(1, ETagRetry.MaxAttempts), numbers);
    }

    [Fact]
    public async Task RunAsync_OtherStorageErrors_AreNotRetried()
    {
        var table = await TableAsync();
        var attempts = 0;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => ETagRetry.RunAsync(async ct =>
        {
            attempts++;
            return await table.GetEntityAsync<TableEntity>("counter", "missing", cancellationToken: ct);
        }, CancellationToken.None));

        Assert.Equal(404, error.Status);
        Assert.Equal(1, attempts);
    }

    private async Task<TableClient> TableAsync()
    {
        var table = storage.Tables.GetTableClient($"etagretry{Guid.NewGuid():n}");
        await table.CreateAsync();
        return table;
    }
}
