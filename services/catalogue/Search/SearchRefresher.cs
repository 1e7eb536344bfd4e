using System.Diagnostics;
using Lucene.Net.Search;

namespace Talent.Catalogue.Search;

/// <summary>
/// Reopens the index's searchers for changes already in its writer, one reopening at a time on the thread pool for all
/// who wait: changes arriving while one runs share the next. No caller's thread is held meanwhile (a profile of the
/// catalogue under 32 publishers had them blocked on a refresh lock and spinning for it, one reopening after another).
/// Reopenings follow each other at least <see cref="MinInterval"/> apart: each one flushes the writer's new documents
/// as a segment, and segments of one or two items each kept the index's background merges busy (a profile of the
/// catalogue under `propagation --rate 0`, 32 publishers as fast as accepted: 12 % of its processor time merging, 3.5 %
/// flushing). The first change after a quiet moment is reopened for at once. Every flush has a cost of its own whatever
/// its size (a terms dictionary and doc-values blocks for each field): at 25 ms apart, under `propagation --rate 200`,
/// the flushes were 35 % of the catalogue's allocations and merges 13 % (an allocation profile by stack); at 100 ms,
/// 472-495 KB allocated a publication instead of 809-890, and 14-15 collections for 2,000 items instead of 25-27
/// (dotnet-counters; its processor time moved less than this machine's own variation).
/// </summary>
internal sealed class SearchRefresher(SearcherManager searchers, Func<long> latestStamp, Action refreshed)
{
    /// <summary>The least time between the starts of two reopenings: a publication waits at most this much longer.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    private readonly System.Threading.Lock _lock = new();
    private TaskCompletionSource _next = NewRefresh();
    private bool _nextWaited;
    private bool _running;
    private long _covered;
    private long _lastStarted;

    /// <summary>Completes once searches see every change stamped up to <paramref name="stamp"/>.</summary>
    public Task CoveringAsync(long stamp)
    {
        lock (_lock)
        {
            if (Interlocked.Read(ref _covered) >= stamp)
            {
                return Task.CompletedTask;
            }

            _nextWaited = true;
            if (!_running)
            {
                _running = true;
                _ = Task.Run(RunWhileWaitedAsync);
            }

            return _next.Task;
        }
    }

    private async Task RunWhileWaitedAsync()
    {
        while (true)
        {
            // Those who come during the pause join this reopening.
            var since = Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastStarted));
            if (since < MinInterval)
            {
                await Task.Delay(MinInterval - since);
            }

            TaskCompletionSource batch;
            long upTo;
            lock (_lock)
            {
                if (!_nextWaited)
                {
                    _running = false;
                    return;
                }

                (batch, _next, _nextWaited) = (_next, NewRefresh(), false);
                // Stamps are taken after the change is in the writer: every change up to this one is in this reopening.
                upTo = latestStamp();
            }

            Interlocked.Exchange(ref _lastStarted, Stopwatch.GetTimestamp());
            try
            {
                searchers.MaybeRefreshBlocking();
                // The index's notice first (its result cache's generation): whoever sees the change covered must not
                // be answered from the cache of before.
                refreshed();
                Interlocked.Exchange(ref _covered, upTo);
                batch.TrySetResult();
            }
            catch (Exception e)
            {
                batch.TrySetException(e);
            }
        }
    }

    private static TaskCompletionSource NewRefresh() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
