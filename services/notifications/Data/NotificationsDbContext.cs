using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;
using Talent.Messaging;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;
using Talent.Notifications.People;
using Talent.Notifications.Preferences;
using Talent.ReadModels;

namespace Talent.Notifications.Data;

/// <summary>
/// The notifications database: people's contacts and language, their inbox, their channel choices and the deliveries;
/// the messaging tables and the catalogue copy (items' names in messages) come from the shared libraries.
/// </summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<ChannelPreference> Preferences => Set<ChannelPreference>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
        model.AddCatalogueCopy();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class NotificationsDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<NotificationsDbContext>("talent_notifications"));
}
