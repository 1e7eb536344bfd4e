using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Notifications.People;

namespace Talent.Notifications.Inbox;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.HasKey(n => n.Id);
        e.Property(n => n.RecipientId).HasMaxLength(Recipient.SubjectLength);
        e.Property(n => n.Kind).HasMaxLength(Notification.KindLength);
        e.Property(n => n.Reference).HasMaxLength(Notification.ReferenceLength);
        e.Property(n => n.Language).HasMaxLength(Recipient.LanguageLength);
        e.Property(n => n.Title).HasMaxLength(Notification.TitleLength);
        e.Property(n => n.Body).HasMaxLength(Notification.TextLength);
        e.Property(n => n.NextStep).HasMaxLength(Notification.TextLength);
        e.Property(n => n.Link).HasMaxLength(300);
        // One notification per event and person: a redelivery (or a second consumer of the same event) adds none.
        e.HasIndex(n => new { n.SourceEventId, n.RecipientId }).IsUnique();
        // The inbox: a person's newest first, and their unread count.
        e.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        e.HasIndex(n => n.RecipientId).HasFilter("read_at IS NULL").HasDatabaseName("IX_notifications_unread");
    }
}
