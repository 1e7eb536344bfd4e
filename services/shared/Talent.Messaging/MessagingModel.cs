using Microsoft.EntityFrameworkCore;
using Talent.Messaging.Inbox;
using Talent.Messaging.Outbox;

namespace Talent.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string InboxKey = "PK_inbox_messages";

    /// <summary>
    /// Adds the outbox and inbox tables to a service's model (call from OnModelCreating). Their column names are pinned
    /// here, whatever naming convention the service's context uses: the relay and housekeeping query them by name.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(256);
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            e.Property(m => m.RecordedAt).HasColumnName("recorded_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.Failures).HasColumnName("failures");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(m => m.SetAsideAt).HasColumnName("set_aside_at");
            e.Ignore(m => m.Event);
            e.HasIndex(m => m.MessageId).IsUnique();
            // The relay's query: unsent rows in recording order; a partial index stays small.
            e.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_unsent").HasFilter("sent_at IS NULL AND set_aside_at IS NULL");
            e.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_sent_at").HasFilter("sent_at IS NOT NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.MessageId, m.Consumer }).HasName(InboxKey);
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }
}
