using Talent.Messaging.Metrics;
using Talent.Notifications.Data;

namespace Talent.Notifications.Deliveries;

/// <summary>The notifications service's business meters (meter <c>Talent.Notifications</c>): notifications made, deliveries by outcome, backlogs.</summary>
public static class NotificationsMeters
{
    public const string Created = "talent.notifications.created";
    public const string Sent = "talent.notifications.deliveries_sent";
    public const string Failed = "talent.notifications.delivery_failures";
    public const string Died = "talent.notifications.deliveries_dead";
    public const string Pending = "talent.notifications.deliveries_pending";
    public const string DeadWaiting = "talent.notifications.dead_letters";
    public const string OldestPendingAge = "talent.notifications.oldest_pending_age";

    public static BusinessMeterPlan Plan { get; } = new BusinessMeterPlan("Talent.Notifications")
        .Counter(Created, "{notification}", "Notifications made (one per event and person), by kind and language")
        .Counter(Sent, "{delivery}", "Deliveries the channel accepted (e-mail: the SMTP server), by channel")
        .Counter(Failed, "{attempt}", "Delivery attempts that failed and will be tried again or set aside, by channel")
        .Counter(Died, "{delivery}", "Deliveries set aside after their last attempt (operators may send them again), by channel")
        .Gauge(Pending, "{delivery}", "Deliveries waiting to be sent or retried")
        .Gauge(DeadWaiting, "{delivery}", "Deliveries set aside, waiting for an operator")
        .Gauge(OldestPendingAge, "s", "Time since the oldest waiting delivery was made");

    public sealed class Sampler : GaugeSampler<NotificationsDbContext>
    {
        public override async Task<IReadOnlyDictionary<string, double>> SampleAsync(NotificationsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var row = await ReadRowAsync(db, now, """
                SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'dead'), min(created_at) FILTER (WHERE status = 'pending')
                FROM deliveries WHERE status <> 'sent'
                """, cancellationToken);
            return new Dictionary<string, double> { [Pending] = row[0], [DeadWaiting] = row[1], [OldestPendingAge] = row[2] };
        }
    }
}
