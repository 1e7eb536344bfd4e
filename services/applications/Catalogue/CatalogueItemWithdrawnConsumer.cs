using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Catalogue;
using Talent.Applications.Data;
using Talent.Messaging.Inbox;

namespace Talent.Applications.Catalogue;

/// <summary>Marks this service's copy withdrawn; a withdrawal of an item never seen here is recorded in the inbox only.</summary>
public sealed class CatalogueItemWithdrawnConsumer(ApplicationsDbContext db, TimeProvider time, ILogger<CatalogueItemWithdrawnConsumer> logger)
    : InboxConsumer<ApplicationsDbContext, CatalogueItemWithdrawn>(db, time, logger)
{
    protected override async Task HandleAsync(CatalogueItemWithdrawn message, CancellationToken cancellationToken)
    {
        var copy = await Db.CatalogueItems.SingleOrDefaultAsync(i => i.Code == message.Code, cancellationToken);
        copy?.Apply(message);
    }
}
