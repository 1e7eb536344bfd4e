using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Data;

namespace Talent.Matching.Engagements;

/// <summary>Table <c>engagements</c>: one per accepted proposal, its milestones as one jsonb column.</summary>
public sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> e)
    {
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.ProposalId).IsUnique();
        e.Property(x => x.ProviderName).HasMaxLength(100);
        e.Property(x => x.Team).HasMaxLength(20);
        e.Property(x => x.ClientId).HasMaxLength(100);
        e.Property(x => x.Tier).HasMaxLength(5);
        e.Property(x => x.Milestones).HasJsonColumn("milestones", JsonSerializerOptions.Web);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Outcome).HasMaxLength(30);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(x => x.ClientId);
        e.HasIndex(x => x.ProviderId);
    }
}
