using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Messaging.Persistence;

namespace Talent.Catalogue.Data;

public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : DbContext(options)
{
    public DbSet<CatalogueItem> Items => Set<CatalogueItem>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();

    public async Task<ReferenceCodes> ReferenceCodesAsync(CancellationToken cancellationToken) =>
        new(
            await Departments.Select(d => d.Code).ToListAsync(cancellationToken),
            await Policies.Select(p => p.Code).ToListAsync(cancellationToken),
            await ServiceItems.Select(i => i.Code).ToListAsync(cancellationToken));

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
        model.Entity<Department>(e =>
        {
            e.ToTable("departments");
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasColumnName("code").HasMaxLength(20);
            e.Property(d => d.NameZh).HasColumnName("name_zh").HasMaxLength(100);
            e.Property(d => d.NameEn).HasColumnName("name_en").HasMaxLength(200);
            e.Property(d => d.Phone).HasColumnName("phone").HasMaxLength(40);
            e.Property(d => d.Address).HasColumnName("address").HasMaxLength(300);
            e.Property(d => d.OpeningHours).HasColumnName("opening_hours").HasMaxLength(200);
        });
        model.Entity<Policy>(e =>
        {
            e.ToTable("policies");
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasColumnName("code").HasMaxLength(40);
            e.Property(p => p.TitleZh).HasColumnName("title_zh").HasMaxLength(300);
            e.Property(p => p.TitleEn).HasColumnName("title_en").HasMaxLength(400);
            e.Property(p => p.IssuingDepartment).HasColumnName("issuing_department").HasMaxLength(20);
            e.Property(p => p.DocumentNumber).HasColumnName("document_number").HasMaxLength(100);
            e.Property(p => p.IssuedOn).HasColumnName("issued_on");
            e.Property(p => p.EffectiveFrom).HasColumnName("effective_from");
            e.Property(p => p.ExpiresOn).HasColumnName("expires_on");
            e.Property(p => p.Summary).HasColumnName("summary").HasMaxLength(4000);
            e.Property(p => p.SourceUrl).HasColumnName("source_url").HasMaxLength(500);
            e.Property(p => p.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        });
        model.Entity<ServiceItem>(e =>
        {
            e.ToTable("service_items");
            e.HasKey(i => i.Code);
            e.Property(i => i.Code).HasColumnName("code").HasMaxLength(40);
            e.Property(i => i.TitleZh).HasColumnName("title_zh").HasMaxLength(300);
            e.Property(i => i.TitleEn).HasColumnName("title_en").HasMaxLength(400);
            e.Property(i => i.Department).HasColumnName("department").HasMaxLength(20);
            e.Property(i => i.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.LegalBasis).HasColumnName("legal_basis");
        });
    }
}

/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class CatalogueDesignTimeFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogueDbContext>().UseNpgsql("Host=localhost;Database=talent_catalogue").Options);
}
