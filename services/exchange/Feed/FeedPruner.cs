using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Exchange.Data;

namespace Talent.Exchange.Feed;

/// <summary>Removes feed events older than the retention, and records how far it pruned (cursors before it get 410).</summary>
public sealed class FeedPruner(IServiceScopeFactory scopes, IOptionsMonitor<ExchangeOptions> options, TimeProvider time, ILogger<FeedPruner> logger) : BackgroundService
{
    private sealed record Last(string Tx, long Sequence);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Pruning the change feed failed; trying again at the next interval");
            }

            try
            {
                await Task.Delay(options.CurrentValue.Feed.PruneInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: events recorded before now minus the retention are deleted, the horizon moved to the last of them.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = time.GetUtcNow();
        var cutoff = now - options.CurrentValue.Feed.Retention;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var gone = await db.Database.SqlQuery<Last>($"""
            WITH gone AS (DELETE FROM feed_events WHERE recorded_at < {cutoff} RETURNING tx, sequence)
            SELECT tx::text AS "Tx", sequence AS "Sequence" FROM gone ORDER BY tx DESC, sequence DESC LIMIT 1
            """).ToListAsync(cancellationToken);
        if (gone.Count == 0)
        {
            return 0;
        }

        var horizon = await db.FeedHorizon.SingleOrDefaultAsync(cancellationToken);
        if (horizon is null)
        {
            horizon = new FeedHorizon();
            db.FeedHorizon.Add(horizon);
        }

        var last = new FeedCursor(ulong.Parse(gone[0].Tx, System.Globalization.CultureInfo.InvariantCulture), gone[0].Sequence);
        if (last > horizon.Cursor)
        {
            (horizon.Tx, horizon.Sequence) = (gone[0].Tx, gone[0].Sequence);
        }

        horizon.PrunedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
    }
}
