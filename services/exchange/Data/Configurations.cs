using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Exchange.Access;
using Talent.Exchange.CallLog;
using Talent.Exchange.Certifications;
using Talent.Exchange.Feed;
using Talent.Exchange.Sharing;
using Talent.Exchange.Webhooks;

namespace Talent.Exchange.Data;

public sealed class ClientGrantConfiguration : IEntityTypeConfiguration<ClientGrant>
{
    public void Configure(EntityTypeBuilder<ClientGrant> grant)
    {
        grant.ToTable("client_grants");
        grant.HasKey(g => new { g.ClientId, g.Service });
        grant.Property(g => g.ClientId).HasMaxLength(ClientGrant.ClientIdLength);
        grant.Property(g => g.Service).HasMaxLength(40);
        grant.Property(g => g.GrantedBy).HasMaxLength(100);
    }
}

public sealed class GrantChangeConfiguration : IEntityTypeConfiguration<GrantChange>
{
    public void Configure(EntityTypeBuilder<GrantChange> change)
    {
        change.ToTable("grant_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.ClientId).HasMaxLength(ClientGrant.ClientIdLength);
        change.Property(c => c.By).HasMaxLength(100);
        change.Property(c => c.Reason).HasMaxLength(GrantsApi.ReasonLength);
        change.HasIndex(c => new { c.ClientId, c.At });
    }
}

public sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> call)
    {
        call.ToTable("call_log");
        call.HasKey(c => c.Id);
        call.Property(c => c.Id).UseIdentityAlwaysColumn();
        call.Property(c => c.ClientId).HasMaxLength(ClientGrant.ClientIdLength);
        call.Property(c => c.Service).HasMaxLength(40);
        call.Property(c => c.Method).HasMaxLength(10);
        call.Property(c => c.Path).HasMaxLength(CallRecord.PathLength);
        call.Property(c => c.RequestSha256).HasMaxLength(64).IsFixedLength();
        call.Property(c => c.ResponseSha256).HasMaxLength(64).IsFixedLength();
        call.Property(c => c.PreviousHash).HasMaxLength(64).IsFixedLength();
        call.Property(c => c.Hash).HasMaxLength(64).IsFixedLength();
        call.HasIndex(c => new { c.ClientId, c.Id });
    }
}

public sealed class FeedEventConfiguration : IEntityTypeConfiguration<FeedEvent>
{
    public void Configure(EntityTypeBuilder<FeedEvent> feed)
    {
        // The tx column (xid8, the writing transaction) is added by the migration and read with SQL only.
        feed.ToTable("feed_events");
        feed.HasKey(e => e.Sequence);
        feed.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        feed.Property(e => e.Type).HasMaxLength(100);
        feed.Property(e => e.Source).HasMaxLength(100);
        feed.Property(e => e.Subject).HasMaxLength(100);
        feed.Property(e => e.Data).HasColumnType("jsonb");
        feed.Property(e => e.DedupeKey).HasMaxLength(200);
        feed.HasIndex(e => e.DedupeKey).IsUnique();
        feed.HasIndex(e => e.RecordedAt);
    }
}

public sealed class FeedHorizonConfiguration : IEntityTypeConfiguration<FeedHorizon>
{
    public void Configure(EntityTypeBuilder<FeedHorizon> horizon)
    {
        horizon.ToTable("feed_horizon");
        horizon.HasKey(h => h.Id);
        horizon.Property(h => h.Id).ValueGeneratedNever();
        horizon.Property(h => h.Tx).HasMaxLength(20);
        horizon.Ignore(h => h.Cursor);
    }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.ToTable("webhook_subscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.ClientId).HasMaxLength(ClientGrant.ClientIdLength);
        subscription.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlLength);
        subscription.Property(s => s.Secret).HasMaxLength(100);
        subscription.HasIndex(s => s.ClientId);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Type).HasMaxLength(100);
        delivery.Property(d => d.Payload).HasColumnType("jsonb");
        delivery.Property(d => d.Status).HasMaxLength(10);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.SubscriptionId, d.Status, d.CreatedAt });
        delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
    }
}

public sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> certification)
    {
        certification.ToTable("certifications");
        certification.HasKey(c => new { c.Issuer, c.CertificationId });
        certification.Property(c => c.Issuer).HasMaxLength(ClientGrant.ClientIdLength);
        certification.Property(c => c.CertificationId).HasMaxLength(Certification.IdLength);
        certification.Property(c => c.PersonId).HasMaxLength(Certification.PersonIdLength);
        certification.Property(c => c.Programme).HasMaxLength(Certification.ProgrammeLength);
        certification.Property(c => c.Designation).HasMaxLength(40);
        certification.HasIndex(c => c.PersonId);
    }
}

public sealed class SharedRecordFetchConfiguration : IEntityTypeConfiguration<SharedRecordFetch>
{
    public void Configure(EntityTypeBuilder<SharedRecordFetch> fetch)
    {
        fetch.ToTable("shared_records");
        fetch.HasKey(f => f.Id);
        fetch.Property(f => f.MaterialCode).HasMaxLength(60);
        fetch.Property(f => f.Department).HasMaxLength(40);
        fetch.Property(f => f.Source).HasMaxLength(200);
        fetch.Property(f => f.Status).HasMaxLength(20);
        fetch.Property(f => f.Record).HasColumnType("jsonb");
        fetch.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        fetch.Property(f => f.Note).HasMaxLength(500);
        fetch.HasIndex(f => new { f.ApplicationId, f.MaterialCode });
    }
}
