using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;

namespace Talent.Feedback.Tickets;

/// <summary>
/// Table <c>feedback_tickets</c> (not the DbSet's name); columns by convention, kind and state as text, the history as
/// jsonb, <c>xmin</c> as the concurrency token.
/// </summary>
public sealed class FeedbackTicketConfiguration : IEntityTypeConfiguration<FeedbackTicket>
{
    public void Configure(EntityTypeBuilder<FeedbackTicket> e)
    {
        e.ToTable("feedback_tickets");
        e.HasKey(t => t.Id);
        e.Property(t => t.Number).HasMaxLength(20);
        e.HasIndex(t => t.Number).IsUnique();
        e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Category).HasMaxLength(40);
        e.Property(t => t.Title).HasMaxLength(FeedbackTicket.TitleMaxLength);
        e.Property(t => t.Body).HasMaxLength(FeedbackTicket.BodyMaxLength);
        e.Property(t => t.ItemCode).HasMaxLength(64);
        e.Property(t => t.RequesterId).HasMaxLength(100);
        e.Property(t => t.RequesterName).HasMaxLength(200);
        e.Property(t => t.Channel).HasMaxLength(10).HasDefaultValue("online");
        e.Property(t => t.Contact).HasMaxLength(FeedbackTicket.ContactMaxLength);
        e.Property(t => t.OpenedById).HasMaxLength(100);
        e.Property(t => t.OpenedByName).HasMaxLength(200);
        e.Property(t => t.ClockCause).HasMaxLength(20).HasDefaultValue("opened");
        e.Ignore(t => t.TransferReason);
        e.Property(t => t.Department).HasMaxLength(20);
        e.Property(t => t.RoutedBy).HasMaxLength(20);
        e.Property(t => t.OwnerId).HasMaxLength(100);
        e.Property(t => t.OwnerName).HasMaxLength(200);
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Reply).HasMaxLength(FeedbackTicket.BodyMaxLength);
        e.Property(t => t.Resolution).HasMaxLength(20);
        e.Property(t => t.History).HasJsonColumn("history", JsonSerializerOptions.Web);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(t => new { t.RequesterId, t.OpenedAt });
        e.HasIndex(t => new { t.Department, t.State, t.ReplyDueOn });
        e.HasIndex(t => t.OpenedById).HasFilter("opened_by_id IS NOT NULL");
    }
}
