using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Talent.Messaging.Outbox;

/// <summary>Trims sent outbox rows and old inbox rows after their retention.</summary>
public sealed class MessagingHousekeeping<TContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<MessagingHousekeeping<TContext>> logger) : PeriodicWork(time, logger)
    where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.HousekeepingInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => TrimAsync(cancellationToken);

    public async Task<(int Outbox, int Inbox)> TrimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = Clock.GetUtcNow();
        var sentBefore = now - options.Value.SentRetention;
        var processedBefore = now - options.Value.InboxRetention;
        var outbox = await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE sent_at < {sentBefore}", cancellationToken);
        var inbox = await db.Database.ExecuteSqlAsync($"DELETE FROM inbox_messages WHERE processed_at < {processedBefore}", cancellationToken);
        if (outbox + inbox > 0)
        {
            logger.LogInformation("Housekeeping removed {Outbox} sent outbox rows and {Inbox} inbox rows", outbox, inbox);
        }

        return (outbox, inbox);
    }
}
