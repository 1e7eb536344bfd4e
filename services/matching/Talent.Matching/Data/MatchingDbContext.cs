using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Matching.Catalogue;
using Talent.Messaging.Persistence;

namespace Talent.Matching.Data;

public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : DbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<CatalogueItemCopy>(e =>
        {
            e.ToTable("catalogue_items");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasColumnName("code").HasMaxLength(64);
            e.Property(i => i.Version).HasColumnName("version");
            e.Property(i => i.TitleZh).HasColumnName("title_zh").HasMaxLength(400);
            e.Property(i => i.TitleEn).HasColumnName("title_en").HasMaxLength(400);
            e.Property(i => i.Category).HasColumnName("category").HasMaxLength(20);
            e.Property(i => i.Stages).HasColumnName("stages");
            e.Property(i => i.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(i => i.Withdrawn).HasColumnName("withdrawn");
            e.Property(i => i.WithdrawalReason).HasColumnName("withdrawal_reason").HasMaxLength(2000);
            e.Property(i => i.PublishedAt).HasColumnName("published_at");
            e.Property(i => i.ReceivedAt).HasColumnName("received_at");
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class MatchingDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MatchingDbContext>().UseNpgsql("Host=localhost;Database=talent_matching").Options);
}
