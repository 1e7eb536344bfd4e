using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Matching.Providers;

/// <summary>Table <c>providers</c>: one row per provider, its lists as text arrays, <c>xmin</c> guarding concurrent edits.</summary>
public sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.UserId).HasMaxLength(100);
        e.HasIndex(p => p.UserId).IsUnique();
        e.Property(p => p.Name).HasMaxLength(100);
        e.Property(p => p.Team).HasMaxLength(20);
        e.Property(p => p.Organisation).HasMaxLength(200);
        e.Property(p => p.OrganisationKind).HasMaxLength(30);
        e.Property(p => p.Department).HasMaxLength(Provider.DepartmentMaxLength);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Introduction).HasMaxLength(1000);
        e.Property<uint>("Version").IsRowVersion();
        e.HasIndex(p => new { p.Team, p.Status });
    }
}
