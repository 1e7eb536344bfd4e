using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Search;

/// <summary>
/// Builds the index from the database when the service starts, then keeps it equal to the database: items published or
/// withdrawn through another replica, and synonym edits, arrive within <see cref="SearchOptions.SyncInterval"/>.
/// </summary>
public sealed class SearchIndexSync(
    IServiceScopeFactory scopes,
    CatalogueSearchIndex index,
    IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<SearchIndexSync> logger) : PeriodicWork(time, logger)
{
    // Fields, not captured parameters: the base class keeps its own copies of the clock and the logger.
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    protected override TimeSpan Interval => options.Value.SyncInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SyncOnceAsync(cancellationToken);

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
            var started = _time.GetTimestamp();
            var all = await SearchLoader.LoadAsync(db, null, ct);
            index.Rebuild(all);
            _logger.LogInformation("Search index built: {Count} items in {Elapsed} ms", all.Count, (int)_time.GetElapsedTime(started).TotalMilliseconds);
            return;
        }

        // Taken before reading: an item this replica indexes meanwhile is newer than the database's answer, and stays.
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
            // Every item into the writer first, then one reopening covers them all (not one per item in turn).
            await Task.WhenAll((await SearchLoader.LoadAsync(db, changed, ct)).Select(index.UpsertAsync));

            _logger.LogInformation("Search index caught up with {Count} items changed elsewhere", changed.Count);
        }
    }
}
