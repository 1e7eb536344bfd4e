using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Catalogue;
using Talent.Exchange.Data;
using Talent.Messaging.Inbox;

namespace Talent.Exchange.Feed;

/// <summary>A published item version enters the feed once (a re-announcement of the same version adds nothing).</summary>
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
        Db.Feed.Add(FeedEvent.Of(message.EventId, FeedTypes.ItemPublished, FeedTypes.CatalogueSource, message.Code, message.OccurredAt, data, key, Time.GetUtcNow()));
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
        Db.Feed.Add(FeedEvent.Of(message.EventId, FeedTypes.ItemWithdrawn, FeedTypes.CatalogueSource, message.Code, message.OccurredAt, data, key, Time.GetUtcNow()));
    }
}
