using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Catalogue.References;

/// <summary>Table <c>policies</c>; the status stored by name.</summary>
public sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> e)
    {
        e.HasKey(p => p.Code);
        e.Property(p => p.Code).HasMaxLength(40);
        e.Property(p => p.TitleZh).HasMaxLength(300);
        e.Property(p => p.TitleEn).HasMaxLength(400);
        e.Property(p => p.IssuingDepartment).HasMaxLength(20);
        e.Property(p => p.DocumentNumber).HasMaxLength(100);
        e.Property(p => p.Summary).HasMaxLength(4000);
        e.Property(p => p.SourceUrl).HasMaxLength(500);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
    }
}
