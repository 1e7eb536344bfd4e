using System.Text.Json;
using Talent.Contracts.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Applications.Catalogue;
using Talent.Messaging.Persistence;

namespace Talent.Applications.Data;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public DbSet<CatalogueItemCopy> CatalogueItems => Set<CatalogueItemCopy>();

    public DbSet<CatalogueVersionCopy> CatalogueVersions => Set<CatalogueVersionCopy>();

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
        model.Entity<CatalogueVersionCopy>(e =>
        {
            e.ToTable("catalogue_versions");
            e.HasKey(v => new { v.Code, v.Version });
            e.Property(v => v.Code).HasColumnName("code").HasMaxLength(64);
            e.Property(v => v.Version).HasColumnName("version");
            e.Property(v => v.LeadDepartment).HasColumnName("lead_department").HasMaxLength(20);
            e.Property(v => v.FlowCard).HasColumnName("flow_card").HasColumnType("jsonb").HasConversion(
                card => JsonSerializer.Serialize(card, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<FlowCardSnapshot>(json, JsonSerializerOptions.Web));
            e.Property(v => v.PublishedAt).HasColumnName("published_at");
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class ApplicationsDesignTimeFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsDbContext>().UseNpgsql("Host=localhost;Database=talent_applications").Options);
}
