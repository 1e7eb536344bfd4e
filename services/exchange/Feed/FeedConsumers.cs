using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Catalogue;
using Talent.Exchange.Data;
using Talent.Exchange.Webhooks;
using Talent.Messaging.Inbox;

namespace Talent.Exchange.Feed;

/// <summary>A published item version enters the feed once, with a delivery per webhook that wants it (a re-announcement of the same version adds nothing).</summary>
public sealed class ItemPublishedToFeed(ExchangeDbContext db, TimeProvider time, ILogger<ItemPublishedToFeed> logger)
    : InboxConsumer<ExchangeDbContext, CatalogueItemPublished>(db, time, logger)
{
    protected override async Task HandleAsync(CatalogueItemPublished message, CancellationToken cancellationToken)
    {
        var key = $"published:{message.Code}:{message.Version}";
        if (await Db.Feed.AnyAsync(e => e.DedupeKey == key, cancellationToken))
        {
            return;
        }

        var data = JsonSerializer.Serialize(new
        {
            code = message.Code,
            version = message.Version,
            titleZh = message.TitleZh,
            titleEn = message.TitleEn,
            leadDepartment = message.LeadDepartment,
            category = message.Category,
            committedLimitDays = message.FlowCard?.CommittedLimitDays,
            online = message.FlowCard?.Online,
        });
        var feedEvent = FeedEvent.Of(message.EventId, FeedTypes.ItemPublished, FeedTypes.CatalogueSource, message.Code, message.OccurredAt, data, key, Time.GetUtcNow());
        Db.Feed.Add(feedEvent);
        await WebhookFanOut.AddAsync(Db, feedEvent, Time.GetUtcNow(), cancellationToken);
    }
}

/// <summary>A withdrawn item enters the feed.</summary>
public sealed class ItemWithdrawnToFeed(ExchangeDbContext db, TimeProvider time, ILogger<ItemWithdrawnToFeed> logger)
    : InboxConsumer<ExchangeDbContext, CatalogueItemWithdrawn>(db, time, logger)
{
    protected override async Task HandleAsync(CatalogueItemWithdrawn message, CancellationToken cancellationToken)
    {
        var key = $"withdrawn:{message.Code}:{message.Version}";
        if (await Db.Feed.AnyAsync(e => e.DedupeKey == key, cancellationToken))
        {
            return;
        }

        var data = JsonSerializer.Serialize(new { code = message.Code, version = message.Version, reason = message.Reason });
        var feedEvent = FeedEvent.Of(message.EventId, FeedTypes.ItemWithdrawn, FeedTypes.CatalogueSource, message.Code, message.OccurredAt, data, key, Time.GetUtcNow());
        Db.Feed.Add(feedEvent);
        await WebhookFanOut.AddAsync(Db, feedEvent, Time.GetUtcNow(), cancellationToken);
    }
}
