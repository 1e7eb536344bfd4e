using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Notifications.Inbox;

namespace Talent.Notifications.Deliveries;

public sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> e)
    {
        e.ToTable("deliveries");
        e.HasKey(d => d.Id);
        e.Property(d => d.Channel).HasMaxLength(10);
        e.Property(d => d.Address).HasMaxLength(Delivery.AddressLength);
        e.Property(d => d.Status).HasMaxLength(10);
        e.Property(d => d.LastError).HasMaxLength(Delivery.ErrorLength);
        e.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        // The worker's query: pending deliveries that are due, oldest first.
        e.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("IX_deliveries_due");
        e.HasIndex(d => new { d.Status, d.CreatedAt });
    }
}
