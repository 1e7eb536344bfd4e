using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Search;

/// <summary>
/// Builds the index from the database when the service starts, then keeps it equal to the database: items published or
/// withdrawn through another replica, and synonym edits, arrive within <see cref="SearchOptions.SyncInterval"/>. A pass
/// reads only the items changed since the newest change it saw or the previous pass began, whichever is later, less
/// <see cref="Overlap"/> (a change's time is taken before its commit, on its replica's clock), through the index on
/// <c>changed_at</c>: at rest it reads nothing, where comparing every item read 44,000 rows every 5 seconds (and where
/// counting from the newest change alone read the last minute before a quiet spell again every pass: 6,600 rows a pass
/// after a burst of publications, for as long as nothing else changed). Every
/// <see cref="SearchOptions.FullSyncInterval"/> it compares every item, as a safety net.
/// </summary>
public sealed class SearchIndexSync(
    IServiceScopeFactory scopes,
    CatalogueSearchIndex index,
    IOptions<SearchOptions> options,
    TimeProvider time,
    ILogger<SearchIndexSync> logger) : PeriodicWork(time, logger)
{
    /// <summary>How far back of the newest change seen a pass looks again: longer than a transaction and the clocks' drift.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    // Fields, not captured parameters: the base class keeps its own copies of the clock and the logger.
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    // The newest change time read (null: compare every item next), when the last pass began to read (this replica's
    // clock), and when every item was last compared.
    private DateTimeOffset? _seenUpTo;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private long _comparedAll;

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

        // Taken before reading: an item this replica indexes meanwhile is newer than the database's answer, and stays.
        var stamp = index.Stamp();
        var readAt = _time.GetUtcNow();
        if (!index.IsReady || _seenUpTo is null || _time.GetElapsedTime(_comparedAll) >= options.Value.FullSyncInterval)
        {
            // Read before the items: a change after this read is found by the next pass (none yet: compare all again).
            var upTo = await db.Items.MaxAsync(i => (DateTimeOffset?)i.ChangedAt, ct);
            await CompareAllAsync(db, stamp, ct);
            (_seenUpTo, _comparedAll, _readAt) = (upTo, _time.GetTimestamp(), readAt);
            return;
        }

        // A change not committed when the previous pass read is stamped at most the overlap before that pass began.
        var since = (_readAt > _seenUpTo.Value ? _readAt : _seenUpTo.Value) - Overlap;
        var recent = await db.Items.AsNoTracking().Where(i => i.ChangedAt >= since)
            .Select(i => new { i.Code, i.Version, i.Withdrawn, i.ChangedAt }).ToListAsync(ct);
        foreach (var item in recent.Where(i => i.Withdrawn))
        {
            index.Remove(item.Code, stamp);
        }

        await CatchUpAsync(db, [.. recent.Where(i => !i.Withdrawn && !(index.VersionOf(i.Code) >= i.Version)).Select(i => i.Code)], ct);
        _readAt = readAt;
        var newest = recent.Max(i => (DateTimeOffset?)i.ChangedAt);
        if (newest > _seenUpTo)
        {
            _seenUpTo = newest;
        }
    }

    private async Task CompareAllAsync(CatalogueDbContext db, long stamp, CancellationToken ct)
    {
        if (!index.IsReady)
        {
            var started = _time.GetTimestamp();
            var all = await SearchLoader.LoadAsync(db, null, ct);
            index.Rebuild(all);
            _logger.LogInformation("Search index built: {Count} items in {Elapsed} ms", all.Count, (int)_time.GetElapsedTime(started).TotalMilliseconds);
            return;
        }

        var current = await db.Items.AsNoTracking().Where(i => !i.Withdrawn).Select(i => new { i.Code, i.Version }).ToDictionaryAsync(i => i.Code, i => i.Version, StringComparer.Ordinal, ct);
        var indexed = index.Versions();
        foreach (var gone in indexed.Keys.Where(code => !current.ContainsKey(code)))
        {
            index.Remove(gone, stamp);
        }

        await CatchUpAsync(db, [.. current.Where(c => !indexed.TryGetValue(c.Key, out var version) || version < c.Value).Select(c => c.Key)], ct);
    }

    private async Task CatchUpAsync(CatalogueDbContext db, List<string> changed, CancellationToken ct)
    {
        if (changed.Count > 0)
        {
            // Every item into the writer first, then one reopening covers them all (not one per item in turn).
            await Task.WhenAll((await SearchLoader.LoadAsync(db, changed, ct)).Select(index.UpsertAsync));
            _logger.LogInformation("Search index caught up with {Count} items changed elsewhere", changed.Count);
        }
    }
}
