using Microsoft.EntityFrameworkCore;
using Talent.Portal.Data;

namespace Talent.Portal.Sessions;

/// <summary>Removes sessions past their expiry every hour (a session nobody returns to is never removed otherwise).</summary>
public sealed class SessionSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<SessionSweep> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Clock.GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
