using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Storage;

/// <summary>
/// The last error of each queue message that failed, so that an admin looking at a poisoned message sees why it failed
/// (the poison queue holds only the message). Keyed by the queue and a hash of the message's text: the Functions host
/// moves a message to the poison queue as a new message with a new id, but the same text. Messages carry ids only, and
/// the error is the exception's type and first line, which carry ids only too (what the logs already hold).
/// </summary>
public sealed class QueueFailures(TableServiceClient tables)
{
    private const int MaxErrorLength = 300;
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.QueueFailures);

    public async Task RecordAsync(string queue, string message, Exception error, long attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var firstLine = error.Message.Split('\n', 2)[0].Trim();
        var text = $"{error.GetType().Name}: {firstLine}";
        var entity = new TableEntity(queue, KeyOf(message))
        {
            ["Error"] = text.Length > MaxErrorLength ? text[..MaxErrorLength] : text,
            ["Attempt"] = attempt,
            ["FailedAt"] = at,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<QueueFailure?> FindAsync(string queue, string message, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(queue, KeyOf(message), cancellationToken: cancellationToken);
        return response.HasValue
            ? new QueueFailure(response.Value!.GetString("Error") ?? string.Empty, response.Value.GetInt64("Attempt") ?? 0, response.Value.GetDateTimeOffset("FailedAt"))
            : null;
    }

    /// <summary>The message succeeded in the end, or was sent back to its queue: its old error no longer applies.</summary>
    public async Task ForgetAsync(string queue, string message, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(queue, KeyOf(message), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing recorded (it never failed here, or was forgotten already).
        }
    }

    private static string KeyOf(string message) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)));
}
