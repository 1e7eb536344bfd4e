using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;
using Talent.Catalogue.Editing;
using Talent.Catalogue.Items;
using Talent.Messaging.Outbox;
using Talent.Data;

namespace Talent.Catalogue.Demo;

/// <summary>
/// Seeds the demonstration catalogue (when <c>Catalogue:DemoData</c> is on): reference data, then each of the 37 items
/// not yet present, drafted, submitted and published through the same workflow as any item, so that
/// <c>CatalogueItemPublished</c> reaches the other services through the outbox. Idempotent.
/// </summary>
public static class DemoSeeder
{
    private static readonly Actor System = new("system:demo-data", IsOperator: true, Department: null);

    public static async Task<int> SeedAsync(CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        // Replicas starting together take turns: the second finds every item there.
        await using var seeding = await StartupLock.TakeAsync(db, "catalogue-demo-data", ct);
        await DemoReferenceData.SeedAsync(db, ct);
        var existing = await db.Versions.Select(v => v.Code).Distinct().ToListAsync(ct);
        var now = time.GetUtcNow();
        var seeded = 0;
        foreach (var demo in DemoCatalogue.Items.Where(i => !existing.Contains(i.Code)))
        {
            var (draft, refusal) = ItemVersion.StartDraft(demo.Code, DemoCatalogue.ContentOf(demo), DemoCatalogue.FlowCardOf(demo), System, now);
            var version = draft ?? throw new InvalidOperationException(refusal!.Message);
            if ((version.Submit(System, now) ?? version.Publish(System, now)) is { } failed)
            {
                throw new InvalidOperationException(failed.Message);
            }

            var entry = await db.Items.SingleOrDefaultAsync(i => i.Code == demo.Code, ct);
            if (entry is null)
            {
                entry = CatalogueItem.For(demo.Code);
                db.Items.Add(entry);
            }

            db.Versions.Add(version);
            db.RecordEvent(entry.ShowPublished(version, now));
            db.Audit.Add(AuditEntry.System("item.published", demo.Code, new { version.Version, source = "demo-data" }, now));
            seeded++;
        }

        await db.SaveChangesAsync(ct);
        return seeded;
    }
}
