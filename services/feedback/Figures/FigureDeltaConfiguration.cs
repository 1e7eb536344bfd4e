using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Feedback.Figures;

/// <summary>Table <c>figure_deltas</c>: insert-only rows with an identity key, so the folder takes them in order; columns by convention.</summary>
public sealed class FigureDeltaConfiguration : IEntityTypeConfiguration<FigureDelta>
{
    public void Configure(EntityTypeBuilder<FigureDelta> e)
    {
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).UseIdentityAlwaysColumn();
        e.Property(d => d.Department).HasMaxLength(20);
        e.Property(d => d.ItemCode).HasMaxLength(64);
    }
}
