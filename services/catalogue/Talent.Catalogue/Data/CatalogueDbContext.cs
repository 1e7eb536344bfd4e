using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Catalogue.Items;
using Talent.Messaging.Persistence;

namespace Talent.Catalogue.Data;

public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : DbContext(options)
{
    public DbSet<CatalogueItem> Items => Set<CatalogueItem>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<CatalogueItem>(e =>
        {
            e.ToTable("items");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasColumnName("code").HasMaxLength(CatalogueItem.CodeMaxLength);
            e.Property(i => i.Version).HasColumnName("version");
            e.Property(i => i.TitleZh).HasColumnName("title_zh").HasMaxLength(CatalogueItem.TitleMaxLength);
            e.Property(i => i.TitleEn).HasColumnName("title_en").HasMaxLength(CatalogueItem.TitleMaxLength);
            e.Property(i => i.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(i => i.PublishedAt).HasColumnName("published_at");
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class CatalogueDesignTimeFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogueDbContext>().UseNpgsql("Host=localhost;Database=talent_catalogue").Options);
}
