using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Applications.Materials;

/// <summary>Table <c>material_files</c>; column names by the snake-case convention.</summary>
public sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> e)
    {
        e.HasKey(f => f.Id);
        e.Property(f => f.ApplicantId).HasMaxLength(100);
        e.Property(f => f.MaterialCode).HasMaxLength(64);
        e.Property(f => f.MaterialName).HasMaxLength(200);
        e.Property(f => f.FileName).HasMaxLength(255);
        e.Property(f => f.ContentType).HasMaxLength(100);
        e.Property(f => f.Sha256).HasMaxLength(64);
        // The wallet: an applicant's accepted materials.
        e.HasIndex(f => new { f.ApplicantId, f.AcceptedAt });
        e.HasIndex(f => f.ApplicationId);
    }
}
