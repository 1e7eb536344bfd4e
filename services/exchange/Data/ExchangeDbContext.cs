using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Data;
using Talent.Exchange.Access;
using Talent.Exchange.CallLog;
using Talent.Exchange.Certifications;
using Talent.Exchange.Feed;
using Talent.Exchange.Sharing;
using Talent.Exchange.Webhooks;
using Talent.Messaging;

namespace Talent.Exchange.Data;

/// <summary>The exchange database: clients' grants and their audit trail, the hash-chained call log, the change feed, webhook subscriptions and their deliveries, inbound certifications, shared records fetched.</summary>
public sealed class ExchangeDbContext(DbContextOptions<ExchangeDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ClientGrant> Grants => Set<ClientGrant>();

    public DbSet<GrantChange> GrantChanges => Set<GrantChange>();

    public DbSet<CallRecord> CallLog => Set<CallRecord>();

    public DbSet<FeedEvent> Feed => Set<FeedEvent>();

    public DbSet<FeedHorizon> FeedHorizon => Set<FeedHorizon>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<Certification> Certifications => Set<Certification>();

    public DbSet<SharedRecordFetch> SharedRecords => Set<SharedRecordFetch>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class ExchangeDesignTimeFactory : IDesignTimeDbContextFactory<ExchangeDbContext>
{
    public ExchangeDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<ExchangeDbContext>("talent_exchange"));
}
