using Microsoft.EntityFrameworkCore;
using Talent.Applications.Data;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Inbox;

namespace Talent.Applications.Catalogue;

public sealed class CatalogueItemPublishedConsumer(ApplicationsDbContext db, TimeProvider time, ILogger<CatalogueItemPublishedConsumer> logger)
    : InboxConsumer<ApplicationsDbContext, CatalogueItemPublished>(db, time, logger)
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

        if (!await Db.CatalogueVersions.AnyAsync(v => v.Code == message.Code && v.Version == message.Version, cancellationToken))
        {
            Db.CatalogueVersions.Add(CatalogueVersionCopy.From(message));
        }
    }
}
