using Talent.Messaging;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Editing;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Data;

namespace Talent.Catalogue.Data;

public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CatalogueItem> Items => Set<CatalogueItem>();

    public DbSet<ItemVersion> Versions => Set<ItemVersion>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();

    public DbSet<SynonymList> Synonyms => Set<SynonymList>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

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
            e.Property(i => i.Withdrawn).HasColumnName("withdrawn");
            e.Property(i => i.PublishedAt).HasColumnName("published_at");
        });
        model.Entity<ItemVersion>(e =>
        {
            e.ToTable("item_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).HasColumnName("id");
            e.Property(v => v.Code).HasColumnName("code").HasMaxLength(CatalogueItem.CodeMaxLength);
            e.Property(v => v.Version).HasColumnName("version");
            // The revision is the ETag: a concurrent edit of the same draft fails at save time too.
            e.Property(v => v.Revision).HasColumnName("revision").IsConcurrencyToken();
            e.Property(v => v.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Content).HasJsonColumn("content", JsonOptions);
            e.Property(v => v.FlowCard).HasJsonColumn("flow_card", JsonOptions);
            e.Property(v => v.ReturnComment).HasColumnName("return_comment").HasMaxLength(2000);
            e.Property(v => v.WithdrawalReason).HasColumnName("withdrawal_reason").HasMaxLength(2000);
            e.Property(v => v.LastEditedBy).HasColumnName("last_edited_by").HasMaxLength(200);
            e.Property(v => v.LastEditedAt).HasColumnName("last_edited_at");
            e.Property(v => v.PublishedAt).HasColumnName("published_at");
            e.HasIndex(v => new { v.Code, v.Version }).IsUnique();
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
        model.Entity<SynonymList>(e =>
        {
            e.ToTable("synonyms");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(s => s.Groups).HasJsonColumn("groups", JsonOptions);
            e.Property(s => s.Revision).HasColumnName("revision").IsConcurrencyToken();
            e.Property(s => s.UpdatedBy).HasColumnName("updated_by").HasMaxLength(200);
            e.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasColumnName("id");
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(200);
            e.Property(a => a.Action).HasColumnName("action").HasMaxLength(60);
            e.Property(a => a.Subject).HasColumnName("subject").HasMaxLength(60);
            e.Property(a => a.Details).HasColumnName("details").HasColumnType("jsonb");
            e.HasIndex(a => new { a.Subject, a.At });
            e.HasIndex(a => a.At);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
}


/// <summary>For <c>dotnet ef migrations add</c>: no database is contacted.</summary>
public sealed class CatalogueDesignTimeFactory : IDesignTimeDbContextFactory<CatalogueDbContext>
{
    public CatalogueDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.DesignTimeOptions<CatalogueDbContext>("talent_catalogue"));
}
