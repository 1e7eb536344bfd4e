using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Engagements;

/// <summary>Table <c>proposals</c>, read by provider and state (open proposals hold a place) and by demand.</summary>
public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.DeclineReason).HasMaxLength(500);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(p => new { p.ProviderId, p.State });
        e.HasIndex(p => p.DemandId);
    }
}
