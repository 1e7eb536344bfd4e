using Microsoft.EntityFrameworkCore;
using Talent.Messaging.Inbox;
using Talent.Messaging.Outbox;

namespace Talent.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string InboxKey = "PK_inbox_messages";

    /// <summary>Adds the outbox and inbox tables to a service's model (call from OnModelCreating).</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            e.Property(m => m.MessageType).HasMaxLength(256);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => m.MessageId).IsUnique();
            // The relay's query: unsent rows in recording order; a partial index stays small.
            e.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_unsent").HasFilter("sent_at IS NULL AND set_aside_at IS NULL");
            e.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_sent_at").HasFilter("sent_at IS NOT NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.MessageId, m.Consumer }).HasName(InboxKey);
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }
}
