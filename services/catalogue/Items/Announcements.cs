using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;
using Talent.Catalogue.Editing;
using Talent.Messaging.Outbox;

namespace Talent.Catalogue.Items;

/// <summary>
/// Re-announces every item in the directory (its published version, as <c>CatalogueItemPublished</c>) so that a service
/// which started keeping a catalogue copy after the items were published receives them too. Consumers apply a version
/// they already hold idempotently. Runs once per <see cref="Generation"/> at start (recorded in the audit trail), and on
/// an operator's request.
/// </summary>
public static class Announcements
{
    /// <summary>
    /// Raised when a new consumer of the catalogue appears: 1 = feedback keeps a catalogue copy; 2 = notifications does;
    /// 3 = the exchange's change feed (it adds each published version once).
    /// </summary>
    public const int Generation = 3;

    private const int Batch = 500;

    /// <summary>
    /// Announces once per generation. Two replicas starting together take turns on a transaction-scoped advisory lock,
    /// and the whole announcement (events and marker) is one transaction, so the second finds the marker and does nothing.
    /// </summary>
    public static async Task<int> AnnounceOnceAsync(CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var marker = $"generation-{Generation}";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AnnouncementLock})", ct);
        if (await db.Audit.AnyAsync(a => a.Action == "catalogue.announced" && a.Subject == marker, ct))
        {
            return 0;
        }

        var count = await AnnounceAllAsync(db, ct);
        db.Audit.Add(AuditEntry.System("catalogue.announced", marker, new { items = count }, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    // Any constant: the catalogue has its own database.
    private const long AnnouncementLock = 0x7A1E_A110;

    /// <summary>Records one event per item in the directory, in batches; returns the number announced.</summary>
    public static async Task<int> AnnounceAllAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var announced = 0;
        string? after = null;
        while (true)
        {
            var items = await db.Items.Where(i => !i.Withdrawn && (after == null || string.Compare(i.Code, after) > 0)).OrderBy(i => i.Code).Take(Batch).ToListAsync(ct);
            if (items.Count == 0)
            {
                return announced;
            }

            var codes = items.Select(i => i.Code).ToList();
            var versions = await db.Versions.AsNoTracking().Where(v => codes.Contains(v.Code) && v.State == VersionState.Published).ToListAsync(ct);
            foreach (var item in items)
            {
                if (versions.FirstOrDefault(v => v.Code == item.Code && v.Version == item.Version) is { } published)
                {
                    db.RecordEvent(item.Announce(published));
                    announced++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = items[^1].Code;
        }
    }
}
