using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Feedback.Figures;

/// <summary>Table <c>figure_counters</c>, keyed by month, scope and key; columns by convention.</summary>
public sealed class FigureCounterConfiguration : IEntityTypeConfiguration<FigureCounter>
{
    public void Configure(EntityTypeBuilder<FigureCounter> e)
    {
        e.HasKey(c => new { c.Month, c.Scope, c.Key });
        e.Property(c => c.Scope).HasMaxLength(20);
        e.Property(c => c.Key).HasMaxLength(100);
    }
}
