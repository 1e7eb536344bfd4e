using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Talent.Messaging.Metrics;

namespace Talent.Messaging.Outbox;

/// <summary>
/// Wakes the relay after a commit that wrote outbox rows (in an explicit transaction or a plain SaveChanges).
/// Commits without outbox rows (most consumers' work) do not wake it: that would cost a relay round each.
/// It also hands the events of each commit to the business meters, so a save that failed or a transaction that was
/// rolled back (or never committed) counts nothing; events wait with their transaction, since contexts are pooled.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal, IEnumerable<BusinessMeters> meters) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly BusinessMeters? _meters = meters.FirstOrDefault();

    /// <summary>The events of the save in progress on a context, and the explicit transaction it belongs to (null: its own).</summary>
    private sealed class Save
    {
        public List<object> Events { get; } = [];

        public DbTransaction? Transaction;
    }

    private readonly ConditionalWeakTable<DbContext, Save> _saves = [];
    private readonly ConditionalWeakTable<DbTransaction, List<object>> _uncommitted = [];

    private sealed class Pending
    {
        public bool Value;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Without an explicit transaction, SaveChanges has committed by now.
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            WakeIfPending(eventData.Context);
        }

        SettleSave(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetSave(eventData.Context);
        return Task.CompletedTask;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    // Npgsql reuses a connection's transaction object: a new transaction starts with no events, whatever an earlier one
    // that was disposed without a commit or a rollback left under the same object.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _uncommitted.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        WakeIfPending(eventData.Context);
        CountCommitted(transaction);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Forget(eventData.Context);
        _uncommitted.Remove(transaction);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Save? save = null;
        if (_meters is not null)
        {
            // A pooled context: whatever an earlier save left here is over.
            save = _saves.GetOrCreateValue(context);
            save.Events.Clear();
            save.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        }

        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>())
        {
            if (entry.State == EntityState.Added)
            {
                _pending.GetOrCreateValue(context).Value = true;
                if (save is not null && entry.Entity.Event is { } recorded)
                {
                    save.Events.Add(recorded);
                }
            }
        }
    }

    /// <summary>A save succeeded: its events are committed (a save of its own) or wait for their transaction's commit.</summary>
    private void SettleSave(DbContext? context)
    {
        if (_meters is null || context is null || !_saves.TryGetValue(context, out var save) || save.Events.Count == 0)
        {
            return;
        }

        if (save.Transaction is null)
        {
            _meters.Counted(save.Events);
        }
        else
        {
            _uncommitted.GetOrCreateValue(save.Transaction).AddRange(save.Events);
        }

        save.Events.Clear();
    }

    private void ForgetSave(DbContext? context)
    {
        if (context is not null && _saves.TryGetValue(context, out var save))
        {
            save.Events.Clear();
        }
    }

    private void CountCommitted(DbTransaction transaction)
    {
        if (_meters is not null && _uncommitted.TryGetValue(transaction, out var events))
        {
            _uncommitted.Remove(transaction);
            _meters.Counted(events);
        }
    }

    private void WakeIfPending(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && pending.Value)
        {
            pending.Value = false;
            signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            pending.Value = false;
        }
    }
}
