using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Talent.Messaging;

public static class MessagingTelemetry
{
    public const string Name = "Talent.Messaging";

    public static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("talent.outbox.published", description: "Outbox messages published and confirmed by the broker");

    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("talent.outbox.publish_failures", description: "Outbox publishes that failed (the row stays unsent and is tried again)");

    /// <summary>An alert: a row the relay gave up on waits for an operator (GET/POST .../outbox/set-aside).</summary>
    public static readonly Counter<long> SetAside = Meter.CreateCounter<long>("talent.outbox.set_aside", description: "Outbox messages set aside after they could not be published");

    public static readonly Counter<long> DuplicatesSkipped = Meter.CreateCounter<long>("talent.inbox.duplicates_skipped", description: "Redelivered messages the inbox skipped");
}
