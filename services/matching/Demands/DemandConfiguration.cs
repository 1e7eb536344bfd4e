using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Demands;

/// <summary>
/// Table <c>demands</c>: the registration, its tier and what the tier sets, and the providers left out; <c>xmin</c> guards
/// concurrent changes, so a batch never overwrites a decline that came in while it ran.
/// </summary>
public sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> e)
    {
        e.HasKey(d => d.Id);
        e.Property(d => d.ClientId).HasMaxLength(100);
        e.Property(d => d.ClientName).HasMaxLength(Demand.ClientNameMaxLength);
        e.Property(d => d.ClientKind).HasMaxLength(20);
        e.Property(d => d.Stage).HasMaxLength(30);
        e.Property(d => d.Description).HasMaxLength(Demand.DescriptionMaxLength);
        e.Property(d => d.Language).HasMaxLength(5);
        e.Property(d => d.Urgency).HasMaxLength(10);
        e.Property(d => d.TalentDesignation).HasMaxLength(Demand.TalentDesignationMaxLength);
        e.Property(d => d.Tier).HasMaxLength(5);
        e.Property(d => d.TierReason).HasMaxLength(300);
        e.Property(d => d.DesignationSource).HasMaxLength(20);
        e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.RecordedById).HasMaxLength(100);
        e.Property(d => d.RecordedByName).HasMaxLength(Demand.ClientNameMaxLength);
        e.HasIndex(d => d.VisitId).HasFilter("visit_id IS NOT NULL");
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(d => new { d.ClientId, d.CreatedAt });
        e.HasIndex(d => d.State);
    }
}
