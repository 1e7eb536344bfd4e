using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Talent.Catalogue.Items;

/// <summary>Table <c>items</c>: the directory's entry of each item, keyed by its code.</summary>
public sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> e)
    {
        e.HasKey(i => i.Code);
        e.Property(i => i.Code).HasMaxLength(CatalogueItem.CodeMaxLength);
        e.Property(i => i.TitleZh).HasMaxLength(CatalogueItem.TitleMaxLength);
        e.Property(i => i.TitleEn).HasMaxLength(CatalogueItem.TitleMaxLength);
        e.Property(i => i.LeadDepartment).HasMaxLength(20);
        e.HasIndex(i => i.ChangedAt);
    }
}
