using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Exchange.Access;
using Talent.Exchange.Data;
using Talent.Exchange.Feed;

namespace Talent.Exchange.Webhooks;

/// <summary>Each feed event becomes a delivery for each live subscription that wants its type, of a client still granted webhooks (same transaction).</summary>
public static class WebhookFanOut
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task AddAsync(ExchangeDbContext db, IReadOnlyList<FeedEvent> feedEvents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (feedEvents.Count == 0)
        {
            return;
        }

        var subscriptions = await (from s in db.WebhookSubscriptions
                                   join g in db.Grants on s.ClientId equals g.ClientId
                                   where s.RemovedAt == null && g.Service == ExchangeServices.Webhooks
                                   select s).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var feedEvent in feedEvents)
        {
            var wanting = subscriptions.Where(s => s.Wants(feedEvent.Type)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }

            var payload = Payload(feedEvent);
            foreach (var subscription in wanting)
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Of(subscription.Id, feedEvent.Id, feedEvent.Type, payload, now));
            }
        }
    }

    private static string Payload(FeedEvent feedEvent) =>
        JsonSerializer.Serialize(new
        {
            specversion = "1.0",
            id = feedEvent.Id.ToString(),
            source = feedEvent.Source,
            type = feedEvent.Type,
            subject = feedEvent.Subject,
            time = feedEvent.Time,
            datacontenttype = "application/json",
            data = JsonDocument.Parse(feedEvent.Data).RootElement,
        }, Json);
}
