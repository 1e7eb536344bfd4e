using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Catalogue.Data;
using Talent.Catalogue.Items;
using Talent.Data;

namespace Talent.Catalogue.Editing;

/// <summary>Table <c>item_versions</c>: every version of every item, its content and flow card as jsonb.</summary>
public sealed class ItemVersionConfiguration : IEntityTypeConfiguration<ItemVersion>
{
    public void Configure(EntityTypeBuilder<ItemVersion> e)
    {
        e.ToTable("item_versions");
        e.HasKey(v => v.Id);
        e.Property(v => v.Code).HasMaxLength(CatalogueItem.CodeMaxLength);
        // The revision is the ETag: a concurrent edit of the same draft fails at save time too.
        e.Property(v => v.Revision).IsConcurrencyToken();
        e.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Content).HasImmutableJsonColumn("content", CatalogueDbContext.JsonOptions);
        e.Property(v => v.FlowCard).HasImmutableJsonColumn("flow_card", CatalogueDbContext.JsonOptions);
        e.Property(v => v.ReturnComment).HasMaxLength(2000);
        e.Property(v => v.WithdrawalReason).HasMaxLength(2000);
        e.Property(v => v.LastEditedBy).HasMaxLength(200);
        e.HasIndex(v => new { v.Code, v.Version }).IsUnique();
    }
}
