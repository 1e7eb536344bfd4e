using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Talent.Messaging.Outbox;

/// <summary>
/// Counts the outbox for the dashboard every <see cref="OutboxOptions.MonitorInterval"/>: rows waiting to be published,
/// the age of the oldest, and rows set aside (each one waits for an operator). One indexed query a round.
/// </summary>
public sealed class OutboxMonitor<TContext>(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxMonitor<TContext>> logger)
    : PeriodicWork(time, logger)
    where TContext : DbContext
{
    private static long _waiting;
    private static double _oldestSeconds;
    private static long _setAside;

    static OutboxMonitor()
    {
        MessagingTelemetry.Meter.CreateObservableGauge("talent.outbox.backlog", () => Volatile.Read(ref _waiting), description: "Outbox messages recorded and not yet published");
        MessagingTelemetry.Meter.CreateObservableGauge("talent.outbox.oldest_age", () => Volatile.Read(ref _oldestSeconds), unit: "s", description: "Age of the oldest outbox message not yet published");
        MessagingTelemetry.Meter.CreateObservableGauge("talent.outbox.set_aside_waiting", () => Volatile.Read(ref _setAside), description: "Outbox messages set aside and waiting for an operator");
    }

    protected override TimeSpan Interval => options.Value.MonitorInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken);

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        OutboxCounts counts;
        // Plain ADO, read by position: the host context may or may not name result columns by a convention.
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT count(*) FILTER (WHERE set_aside_at IS NULL), min(recorded_at) FILTER (WHERE set_aside_at IS NULL),
                       count(*) FILTER (WHERE set_aside_at IS NOT NULL)
                FROM outbox_messages WHERE sent_at IS NULL
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            counts = new OutboxCounts(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        Volatile.Write(ref _waiting, counts.Waiting);
        Volatile.Write(ref _oldestSeconds, counts.Oldest is { } oldest ? Math.Max(0, (Clock.GetUtcNow() - oldest).TotalSeconds) : 0);
        Volatile.Write(ref _setAside, counts.SetAside);
        return counts;
    }
}

public sealed record OutboxCounts(long Waiting, DateTimeOffset? Oldest, long SetAside);
