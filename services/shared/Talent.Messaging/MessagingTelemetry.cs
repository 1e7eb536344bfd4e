using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Talent.Messaging;

public static class MessagingTelemetry
{
    public const string Name = "Talent.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published = Meter.CreateCounter<long>("talent.outbox.published", description: "Outbox messages published and confirmed by the broker");

    public static readonly Counter<long> DuplicatesSkipped = Meter.CreateCounter<long>("talent.inbox.duplicates_skipped", description: "Redelivered messages the inbox skipped");
}
