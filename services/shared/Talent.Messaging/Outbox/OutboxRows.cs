using System.Text.Json;
using Npgsql;

namespace Talent.Messaging.Outbox;

/// <summary>An outbox row waiting to be published.</summary>
internal sealed record PendingMessage(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent, int Failures);

/// <summary>The relay's reading side: the lock and the next rows in one round trip, and each row's event.</summary>
internal static class OutboxRows
{
    /// <summary>The advisory lock one relay per database holds while it publishes (any constant works: each service has its own database).</summary>
    public const long RelayLockKey = 0x7A1E_0B0C;

    /// <summary>Takes the relay lock and the oldest unsent rows in one round trip; null when another relay holds the lock.</summary>
    public static async Task<List<PendingMessage>?> ReadBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int batchSize, CancellationToken cancellationToken)
    {
        // The second statement repeats the (re-entrant) lock, so it returns rows only to the relay that holds it.
        await using var read = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_try_advisory_xact_lock($1)") { Parameters = { new() { Value = RelayLockKey } } },
                new NpgsqlBatchCommand(
                    $"SELECT sequence, message_id, message_type, body, trace_parent, failures FROM {MessagingModel.OutboxTable} " +
                    "WHERE sent_at IS NULL AND set_aside_at IS NULL AND pg_try_advisory_xact_lock($1) ORDER BY sequence LIMIT $2 FOR UPDATE SKIP LOCKED")
                {
                    Parameters = { new() { Value = RelayLockKey }, new() { Value = batchSize } },
                },
            },
        };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var batch = new List<PendingMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingMessage(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5)));
        }

        return batch;
    }

    /// <summary>The event's type and body, or why the row can never be published.</summary>
    public static bool TryRead(PendingMessage message, out Type type, out object payload, out string error)
    {
        type = null!;
        payload = null!;
        if (!EventTypes.TryResolve(message.MessageType, out var resolved))
        {
            error = $"unknown event type '{message.MessageType}'";
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize(message.Body, resolved, OutboxRecording.Json)!;
        }
        catch (JsonException ex)
        {
            error = $"unreadable body: {ex.Message}";
            return false;
        }

        if (payload is null)
        {
            error = "empty body";
            return false;
        }

        type = resolved;
        error = "";
        return true;
    }
}
