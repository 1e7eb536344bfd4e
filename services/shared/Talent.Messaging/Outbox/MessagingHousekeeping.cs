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
    ILogger<MessagingHousekeeping<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HousekeepingInterval, time);
        do
        {
            try
            {
                await TrimAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Messaging housekeeping failed; trying again next round");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task<(int Outbox, int Inbox)> TrimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow();
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

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
