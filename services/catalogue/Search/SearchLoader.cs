using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Search;

/// <summary>Reads published items from the database, as the index wants them.</summary>
public static class SearchLoader
{
    public static async Task<List<IndexedItem>> LoadAsync(CatalogueDbContext db, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var query =
            from item in db.Items.AsNoTracking()
            where !item.Withdrawn
            join version in db.Versions.AsNoTracking() on new { item.Code, item.Version } equals new { version.Code, version.Version }
            select version;
        if (codes is not null)
        {
            query = query.Where(v => codes.Contains(v.Code));
        }

        var versions = await query.ToListAsync(ct);
        var titles = await ServiceItemTitlesAsync(db, ct);
        return [.. versions.Select(v => IndexedItem.Of(v, titles))];
    }

    /// <summary>The titles of the departmental items, all of them or only <paramref name="codes"/> (one item's, on publishing).</summary>
    public static async Task<Dictionary<string, string>> ServiceItemTitlesAsync(CatalogueDbContext db, CancellationToken ct, IReadOnlyCollection<string>? codes = null)
    {
        if (codes is { Count: 0 })
        {
            // Most items name no departmental item: no query then (it was a tenth of the catalogue's CPU publishing them).
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return await (codes is null ? db.ServiceItems.AsNoTracking() : db.ServiceItems.AsNoTracking().Where(s => codes.Contains(s.Code)))
            .Select(s => new { s.Code, s.TitleZh, s.TitleEn })
            .ToDictionaryAsync(s => s.Code, s => s.TitleEn == null ? s.TitleZh : s.TitleZh + " " + s.TitleEn, StringComparer.Ordinal, ct);
    }

    public static async Task<SynonymSet> SynonymsAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var list = await db.Synonyms.AsNoTracking().SingleOrDefaultAsync(ct);
        return list is null ? new SynonymSet(SynonymList.DefaultGroups(), 0) : new SynonymSet(list.Groups, list.Revision);
    }
}
