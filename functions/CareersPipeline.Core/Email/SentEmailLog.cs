using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Email;

/// <summary>
/// Which single emails have been handed over, one row per recipient and message (the SentEmails table), so that a
/// queue message that emails several people and is retried after a failure sends again only to those who did not get
/// it. The key is hashed: the table holds no address. A row is written only after the sender accepted the email; a
/// crash between the two can still repeat that one email (at least once, never lost).
/// </summary>
public sealed class SentEmailLog(TableServiceClient tables)
{
    private const string Row = "sent";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.SentEmails);

    public async Task<bool> WasSentAsync(string messageKey, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(KeyOf(messageKey), Row, select: ["PartitionKey"], cancellationToken: cancellationToken)).HasValue;

    public async Task RecordAsync(string messageKey, EmailKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(KeyOf(messageKey), Row) { ["Kind"] = kind.ToString(), ["SentAt"] = at }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by a concurrent delivery of the same message: the first record stands.
        }
    }

    private static string KeyOf(string messageKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageKey)));
}
