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

/// <summary>
/// Acts on the rows of <typeparamref name="TEntity"/> a save added, once that save has committed: a save in its own
/// transaction (the inbox consumers' and most requests'), where saved is committed. A save that fails, or one inside an
/// explicit transaction, calls nothing.
/// </summary>
public abstract class CommittedAdditionsInterceptor<TEntity> : SaveChangesInterceptor
    where TEntity : class
{
    private readonly ConditionalWeakTable<DbContext, List<TEntity>> _adding = [];

    /// <summary>The rows the committed save added (at least one).</summary>
    protected abstract void Committed(IReadOnlyList<TEntity> added);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var added = context.ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count > 0)
            {
                _adding.AddOrUpdate(context, added);
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _adding.TryGetValue(context, out var added))
        {
            _adding.Remove(context);
            if (context.Database.CurrentTransaction is null)
            {
                Committed(added);
            }
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

/// <summary>Raises <see cref="CommitSignal{TEntity}"/> after a save that added such rows has committed.</summary>
public sealed class CommitSignalInterceptor<TEntity>(CommitSignal<TEntity> signal) : CommittedAdditionsInterceptor<TEntity>
    where TEntity : class
{
    protected override void Committed(IReadOnlyList<TEntity> added) => signal.Raise();
}

public static class CommitSignalExtensions
{
    /// <summary>The signal and its interceptor (every service database context takes the registered interceptors).</summary>
    public static IServiceCollection AddCommitSignal<TEntity>(this IServiceCollection services)
        where TEntity : class =>
        services.AddSingleton<CommitSignal<TEntity>>().AddSingleton<IInterceptor, CommitSignalInterceptor<TEntity>>();
}
