using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Catalogue.References;

/// <summary>Table <c>departments</c>.</summary>
public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.HasKey(d => d.Code);
        e.Property(d => d.Code).HasMaxLength(20);
        e.Property(d => d.NameZh).HasMaxLength(100);
        e.Property(d => d.NameEn).HasMaxLength(200);
        e.Property(d => d.Phone).HasMaxLength(40);
        e.Property(d => d.Address).HasMaxLength(300);
        e.Property(d => d.OpeningHours).HasMaxLength(200);
    }
}
