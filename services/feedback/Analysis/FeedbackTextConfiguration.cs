using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Feedback.Analysis;

/// <summary>Table <c>feedback_texts</c> (not the DbSet's name), by month for analysis; columns by convention.</summary>
public sealed class FeedbackTextConfiguration : IEntityTypeConfiguration<FeedbackText>
{
    public void Configure(EntityTypeBuilder<FeedbackText> e)
    {
        e.ToTable("feedback_texts");
        e.HasKey(t => t.Id);
        e.Property(t => t.Source).HasMaxLength(20);
        e.Property(t => t.Department).HasMaxLength(20);
        e.Property(t => t.ItemCode).HasMaxLength(64);
        e.Property(t => t.Category).HasMaxLength(40);
        e.HasIndex(t => t.Month);
    }
}
