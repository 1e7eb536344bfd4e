namespace Talent.Messaging.Outbox;

/// <summary>Settings of the relay and the housekeeping job (configuration section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>False for a replica that should consume but leave publishing to others (and for tests that drive the relay by hand).</summary>
    public bool RelayEnabled { get; set; } = true;

    public int BatchSize { get; set; } = 200;

    /// <summary>Fallback poll when no commit signal arrives (another replica's commits, a missed wake-up).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest wait after a failed round before the next (from 200 ms, doubling). Short, so that events flow again
    /// soon after the broker returns: with 10 s, a round failing 6.2 s into a 5 s outage waits 6.4 s more, asleep until
    /// 7.6 s after the broker is back (worked out, not measured; the faults suite's bar is 10 s in all). A round while
    /// the broker is away costs one small query.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A row whose publish fails this many times while the broker is connected is set aside, so the rows recorded after
    /// it flow; at the maximum back-off that is about this many times ten seconds of refusals.
    /// </summary>
    public int MaxFailures { get; set; } = 30;

    /// <summary>
    /// After no publish has been confirmed this long while the bus is connected, the relay closes the connection so that
    /// MassTransit opens new channels (a refusing channel stays refusing on RabbitMQ 3.10: see UnconfirmedPublishes).
    /// </summary>
    public TimeSpan RefusedReconnectAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the backlog, its oldest row and the rows set aside are counted for the metrics.</summary>
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromHours(1);
}
