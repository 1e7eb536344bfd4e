using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Talent.Messaging.Outbox;

namespace Talent.Messaging.ErrorQueues;

/// <summary>Counts the messages waiting in each of the service's error queues for the dashboard (one passive declare per queue a round).</summary>
public sealed class ErrorQueueMonitor(ErrorQueue errors, IOptions<OutboxOptions> options, TimeProvider time, ILogger<ErrorQueueMonitor> logger)
    : PeriodicWork(time, logger)
{
    private static readonly ConcurrentDictionary<string, long> Depths = new(StringComparer.Ordinal);

    static ErrorQueueMonitor() =>
        MessagingTelemetry.Meter.CreateObservableGauge(
            "talent.messaging.error_queue_messages",
            () => Depths.Select(d => new Measurement<long>(d.Value, new TagList { { "queue", d.Key } })),
            unit: "{message}",
            description: "Messages a consumer failed on, waiting in its error queue for an operator to move them back");

    protected override TimeSpan Interval => options.Value.MonitorInterval * 2;

    // The bus declares its queues as it starts: the first count waits for that.
    protected override TimeSpan FirstDelay => options.Value.MonitorInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var depth in await errors.DepthsAsync(cancellationToken))
        {
            Depths[depth.ErrorQueue] = depth.Messages;
        }
    }
}
