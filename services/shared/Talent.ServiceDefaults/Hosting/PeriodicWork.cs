using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Work that runs one pass every interval for the life of the service (deadline sweeps, index syncs, folding figures). A
/// failed pass is logged and tried again at the next interval; stopping the service ends the loop. The interval is read
/// before each wait, so options reloaded meanwhile apply; time is the injected <see cref="TimeProvider"/>.
/// </summary>
public abstract class PeriodicWork(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The injected clock, for subclasses.</summary>
    protected TimeProvider Clock => time;

    /// <summary>The wait between the end of one pass and the start of the next.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The wait before the first pass (none by default).</summary>
    protected virtual TimeSpan FirstDelay => TimeSpan.Zero;

    /// <summary>One pass.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitAsync(FirstDelay, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{Work} failed; trying again in {Interval}", GetType().Name, Interval);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped during a pass (the host, or this work alone): whatever the pass threw then (its cancellation, a
                // scope disposed under it) is not a failure. Escaping, it would read as one and, stopped alone, stop the
                // whole host (a fresh test run caught that once).
                return;
            }

            if (!await WaitAsync(Interval, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }

            return !stoppingToken.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
