using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Catalogue.References;

/// <summary>Table <c>service_items</c>; the type stored by name, the legal basis as a text array.</summary>
public sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.HasKey(i => i.Code);
        e.Property(i => i.Code).HasMaxLength(40);
        e.Property(i => i.TitleZh).HasMaxLength(300);
        e.Property(i => i.TitleEn).HasMaxLength(400);
        e.Property(i => i.Department).HasMaxLength(20);
        e.Property(i => i.Type).HasConversion<string>().HasMaxLength(30);
    }
}
