using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talent.Catalogue.Data;
using Talent.Data;

namespace Talent.Catalogue.Search;

/// <summary>Table <c>synonyms</c>: one row (id 1), its groups as jsonb, its revision the ETag.</summary>
public sealed class SynonymListConfiguration : IEntityTypeConfiguration<SynonymList>
{
    public void Configure(EntityTypeBuilder<SynonymList> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Groups).HasJsonColumn("groups", CatalogueDbContext.JsonOptions);
        e.Property(s => s.Revision).IsConcurrencyToken();
        e.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
