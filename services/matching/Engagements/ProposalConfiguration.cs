using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Engagements;

/// <summary>
/// Table <c>proposals</c>, read by provider and state (open proposals hold a place) and by demand. A pair of demand and
/// provider is proposed once, whatever became of it (a decline keeps the provider out for good): the unique index is the
/// last line of defence under the batch lock.
/// </summary>
public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.DeclineReason).HasMaxLength(Proposal.ReasonMaxLength);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(p => new { p.ProviderId, p.State });
        e.HasIndex(p => new { p.DemandId, p.ProviderId }).IsUnique();
    }
}
