using Microsoft.EntityFrameworkCore;
using Talent.Matching.Data;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Inbox;

namespace Talent.Matching.Catalogue;

public sealed class CatalogueItemPublishedConsumer(MatchingDbContext db, TimeProvider time, ILogger<CatalogueItemPublishedConsumer> logger)
    : InboxConsumer<MatchingDbContext, CatalogueItemPublished>(db, time, logger)
{
    protected override async Task HandleAsync(CatalogueItemPublished message, CancellationToken cancellationToken)
    {
        var copy = await Db.CatalogueItems.SingleOrDefaultAsync(i => i.Code == message.Code, cancellationToken);
        if (copy is null)
        {
            Db.CatalogueItems.Add(CatalogueItemCopy.From(message, Time.GetUtcNow()));
        }
        else
        {
            copy.Apply(message, Time.GetUtcNow());
        }
    }
}
