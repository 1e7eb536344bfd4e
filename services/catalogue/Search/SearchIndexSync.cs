using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Search;

public sealed class SearchOptions
{
    /// <summary>How often a replica compares its index and synonyms with the database (publishes on other replicas).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(5);
}

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

    public static async Task<Dictionary<string, string>> ServiceItemTitlesAsync(CatalogueDbContext db, CancellationToken ct) =>
        await db.ServiceItems.AsNoTracking()
            .Select(s => new { s.Code, s.TitleZh, s.TitleEn })
            .ToDictionaryAsync(s => s.Code, s => s.TitleEn == null ? s.TitleZh : s.TitleZh + " " + s.TitleEn, StringComparer.Ordinal, ct);

    public static async Task<SynonymSet> SynonymsAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var list = await db.Synonyms.AsNoTracking().SingleOrDefaultAsync(ct);
        return list is null ? new SynonymSet(SynonymList.DefaultGroups(), 0) : new SynonymSet(list.Groups, list.Revision);
    }
}

/// <summary>
/// Builds the index from the database when the service starts, then keeps it equal to the database: items published or
/// withdrawn through another replica, and synonym edits, arrive within <see cref="SearchOptions.SyncInterval"/>.
/// </summary>
public sealed class SearchIndexSync(
    IServiceScopeFactory scopes,
    CatalogueSearchIndex index,
    Microsoft.Extensions.Options.IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<SearchIndexSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Search index sync failed; retrying in {Interval}", options.Value.SyncInterval);
            }

            try
            {
                await Task.Delay(options.Value.SyncInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task SyncOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var synonyms = await SearchLoader.SynonymsAsync(db, ct);
        if (synonyms.Revision != index.Synonyms.Revision || !index.IsReady)
        {
            index.UseSynonyms(synonyms);
        }

        if (!index.IsReady)
        {
            var started = time.GetTimestamp();
            var all = await SearchLoader.LoadAsync(db, null, ct);
            index.Rebuild(all);
            logger.LogInformation("Search index built: {Count} items in {Elapsed} ms", all.Count, (int)time.GetElapsedTime(started).TotalMilliseconds);
            return;
        }

        var stamp = index.Stamp();
        var current = await db.Items.AsNoTracking().Where(i => !i.Withdrawn).Select(i => new { i.Code, i.Version }).ToDictionaryAsync(i => i.Code, i => i.Version, StringComparer.Ordinal, ct);
        var indexed = index.Versions();
        foreach (var gone in indexed.Keys.Where(code => !current.ContainsKey(code)))
        {
            index.Remove(gone, stamp);
        }

        var changed = current.Where(c => !indexed.TryGetValue(c.Key, out var version) || version < c.Value).Select(c => c.Key).ToList();
        if (changed.Count > 0)
        {
            foreach (var item in await SearchLoader.LoadAsync(db, changed, ct))
            {
                index.Upsert(item);
            }

            logger.LogInformation("Search index caught up with {Count} items changed elsewhere", changed.Count);
        }
    }
}

/// <summary>Not ready until the index has been built: the gateway and orchestrator wait for it.</summary>
public sealed class SearchIndexHealthCheck(CatalogueSearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"{index.Count} items indexed")
            : HealthCheckResult.Unhealthy("Building the search index"));
}
