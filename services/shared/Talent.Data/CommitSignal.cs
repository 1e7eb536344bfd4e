using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.Data;

/// <summary>
/// Wakes a worker when rows of <typeparamref name="TEntity"/> were added and committed in this process, so the work goes
/// out within moments of its cause rather than at the next poll (which remains, for other replicas' rows and retries).
/// </summary>
public sealed class CommitSignal<TEntity>
    where TEntity : class
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Raised already: the worker wakes once for both.
            }
        }
    }

    /// <summary>Waits for a raise or the timeout; true when raised.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>Raises <see cref="CommitSignal{TEntity}"/> after a save that added such rows has committed (a save in its own transaction).</summary>
public sealed class CommitSignalInterceptor<TEntity>(CommitSignal<TEntity> signal) : SaveChangesInterceptor
    where TEntity : class
{
    private readonly ConditionalWeakTable<DbContext, object> _adding = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<TEntity>().Any(e => e.State == EntityState.Added))
        {
            _adding.AddOrUpdate(context, this);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Saved outside an explicit transaction (the inbox consumers do), so saved is committed.
        if (eventData.Context is { } context && _adding.Remove(context) && context.Database.CurrentTransaction is null)
        {
            signal.Raise();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _adding.Remove(context);
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}

public static class CommitSignalExtensions
{
    /// <summary>The signal and its interceptor (every service database context takes the registered interceptors).</summary>
    public static IServiceCollection AddCommitSignal<TEntity>(this IServiceCollection services)
        where TEntity : class =>
        services.AddSingleton<CommitSignal<TEntity>>().AddSingleton<IInterceptor, CommitSignalInterceptor<TEntity>>();
}
