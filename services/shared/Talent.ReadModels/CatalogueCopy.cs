using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Inbox;

namespace Talent.ReadModels;

/// <summary>
/// A service's own copy of the published catalogue (table <c>catalogue_items</c>): items, titles, category, stages, lead
/// department, withdrawal; and, for a service that adds <see cref="AddCatalogueVersionCopies"/>, every published
/// version's flow card (table <c>catalogue_versions</c>). Kept from <c>CatalogueItemPublished</c> and
/// <c>CatalogueItemWithdrawn</c>, in the same transaction as the inbox record, so the service keeps working when the
/// catalogue is down.
/// </summary>
public static class CatalogueCopy
{
    public static ModelBuilder AddCatalogueCopy(this ModelBuilder model)
    {
        model.Entity<CatalogueItemCopy>(e =>
        {
            e.ToTable("catalogue_items");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasMaxLength(64);
            e.Property(i => i.TitleZh).HasMaxLength(400);
            e.Property(i => i.TitleEn).HasMaxLength(400);
            e.Property(i => i.Category).HasMaxLength(20);
            e.Property(i => i.LeadDepartment).HasMaxLength(20);
            e.Property(i => i.WithdrawalReason).HasMaxLength(2000);
        });
        return model;
    }

    /// <summary>Also keeps every published version's flow card (an application is judged by the version it was made under).</summary>
    public static ModelBuilder AddCatalogueVersionCopies(this ModelBuilder model)
    {
        model.Entity<CatalogueVersionCopy>(e =>
        {
            e.ToTable("catalogue_versions");
            e.HasKey(v => new { v.Code, v.Version });
            e.Property(v => v.Code).HasMaxLength(64);
            e.Property(v => v.LeadDepartment).HasMaxLength(20);
            e.Property(v => v.FlowCard).HasColumnType("jsonb").HasConversion(
                card => JsonSerializer.Serialize(card, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<FlowCardSnapshot>(json, JsonSerializerOptions.Web));
        });
        return model;
    }

    /// <summary>Registers the two consumers on queues named <c>{service}-catalogue-item-published|withdrawn</c>.</summary>
    public static IBusRegistrationConfigurator AddCatalogueCopyConsumers<TDb>(this IBusRegistrationConfigurator bus, string serviceName)
        where TDb : DbContext
    {
        bus.AddBatchConsumer<CatalogueItemPublishedCopier<TDb>>().Endpoint(e => e.Name = $"{serviceName}-catalogue-item-published");
        bus.AddConsumer<CatalogueItemWithdrawnCopier<TDb>>().Endpoint(e => e.Name = $"{serviceName}-catalogue-item-withdrawn");
        return bus;
    }
}

/// <summary>
/// Applies publications in batches (<see cref="BatchInboxConsumer{TContext, TMessage}"/>): the copies and version rows the
/// batch names are read in two queries and written with the inbox rows in one transaction.
/// </summary>
public sealed class CatalogueItemPublishedCopier<TDb>(TDb db, TimeProvider time, ILogger<CatalogueItemPublishedCopier<TDb>> logger)
    : BatchInboxConsumer<TDb, CatalogueItemPublished>(db, time, logger)
    where TDb : DbContext
{
    protected override string ConsumerName => "CatalogueItemPublishedConsumer";

    protected override async Task HandleAsync(IReadOnlyList<CatalogueItemPublished> messages, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var codes = messages.Select(m => m.Code).Distinct(StringComparer.Ordinal).ToList();
        var items = Db.Set<CatalogueItemCopy>();
        var copies = await items.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        var keepsVersions = Db.Model.FindEntityType(typeof(CatalogueVersionCopy)) is not null;
        var versions = keepsVersions
            ? (await Db.Set<CatalogueVersionCopy>().Where(v => codes.Contains(v.Code)).Select(v => new { v.Code, v.Version }).ToListAsync(cancellationToken))
                .Select(v => (v.Code, v.Version)).ToHashSet()
            : [];
        foreach (var message in messages)
        {
            if (copies.TryGetValue(message.Code, out var copy))
            {
                copy.Apply(message, now);
            }
            else
            {
                copies[message.Code] = items.Add(CatalogueItemCopy.From(message, now)).Entity;
            }

            if (keepsVersions && versions.Add((message.Code, message.Version)))
            {
                Db.Set<CatalogueVersionCopy>().Add(CatalogueVersionCopy.From(message));
            }
        }
    }
}

/// <summary>Marks the copy withdrawn; a withdrawal of an item not seen here yet is kept as a withdrawn copy (a tombstone).</summary>
public sealed class CatalogueItemWithdrawnCopier<TDb>(TDb db, TimeProvider time, ILogger<CatalogueItemWithdrawnCopier<TDb>> logger)
    : InboxConsumer<TDb, CatalogueItemWithdrawn>(db, time, logger)
    where TDb : DbContext
{
    protected override string ConsumerName => "CatalogueItemWithdrawnConsumer";

    protected override async Task HandleAsync(CatalogueItemWithdrawn message, CancellationToken cancellationToken)
    {
        var items = Db.Set<CatalogueItemCopy>();
        var copy = await items.SingleOrDefaultAsync(i => i.Code == message.Code, cancellationToken);
        if (copy is null)
        {
            items.Add(CatalogueItemCopy.Tombstone(message, Time.GetUtcNow()));
        }
        else
        {
            copy.Apply(message);
        }
    }
}
