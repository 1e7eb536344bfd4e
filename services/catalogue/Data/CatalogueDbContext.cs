using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Data;
using Talent.Messaging;

namespace Talent.Catalogue.Data;

/// <summary>
/// The catalogue's own database: items and their versions, reference data, the synonym list and the audit trail (each
/// mapped by the <c>XConfiguration</c> beside it), and the messaging tables.
/// </summary>
public sealed class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : ServiceDbContext(options)
{
    /// <summary>How the jsonb columns (content, flow card, synonym groups) are written: web names, enums by name.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public DbSet<CatalogueItem> Items => Set<CatalogueItem>();

    public DbSet<ItemVersion> Versions => Set<ItemVersion>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();

    public DbSet<SynonymList> Synonyms => Set<SynonymList>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>
    /// Which of the codes an item names exist: only those are read (a draft or a publication must not cost more as the
    /// zone's reference data grows; the demonstration data alone holds 284 departmental items).
    /// </summary>
    public async Task<ReferenceCodes> ReferenceCodesAsync(
        IReadOnlyCollection<string> departments, IReadOnlyCollection<string> policies, IReadOnlyCollection<string> serviceItems, CancellationToken cancellationToken) =>
        new(
            departments.Count == 0 ? [] : await Departments.Where(d => departments.Contains(d.Code)).Select(d => d.Code).ToListAsync(cancellationToken),
            policies.Count == 0 ? [] : await Policies.Where(p => policies.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken),
            serviceItems.Count == 0 ? [] : await ServiceItems.Where(i => serviceItems.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken));

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.AddMessagingTables();
    }
}
