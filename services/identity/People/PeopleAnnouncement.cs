using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Data;
using Talent.Messaging.Outbox;

namespace Talent.Identity.People;

/// <summary>
/// Announces every person (<c>PersonChanged</c>, as they are now) so that a service which started keeping a people
/// directory after they were created receives them too; consumers keep the newest. Runs at start, once per
/// <see cref="Generation"/> (a marker in the audit trail), after the demonstration accounts are seeded, so those are
/// announced as well.
/// </summary>
public static class PeopleAnnouncement
{
    /// <summary>
    /// Raised when a new consumer of people appears: 1 = applications keeps a people directory; 2 = notifications keeps
    /// contacts; 3 = matching keeps one (whom a commissioner or butler visits).
    /// </summary>
    public const int Generation = 3;

    public const string Action = "people.announced";

    private const int Batch = 500;

    // Any constant: identity has its own database.
    private const long AnnouncementLock = 0x7A1E_9E09;

    /// <summary>
    /// Announces once per generation. Two replicas starting together take turns on a transaction-scoped advisory lock, and
    /// the whole announcement (events and marker) is one transaction, so the second finds the marker and does nothing.
    /// </summary>
    public static async Task<int> AnnounceOnceAsync(IdentityDb db, TimeProvider time, CancellationToken ct)
    {
        var marker = $"generation-{Generation}";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AnnouncementLock})", ct);
        if (await db.Audit.AnyAsync(a => a.Action == Action && a.Target == marker, ct))
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var announced = 0;
        string? after = null;
        while (true)
        {
            var users = await db.Users.AsNoTracking().Where(u => after == null || string.Compare(u.Id, after) > 0).OrderBy(u => u.Id).Take(Batch).ToListAsync(ct);
            if (users.Count == 0)
            {
                break;
            }

            var ids = users.Select(u => u.Id).ToList();
            var roles = (await (from link in db.UserRoles
                                join role in db.Roles on link.RoleId equals role.Id
                                where ids.Contains(link.UserId)
                                select new { link.UserId, role.Name }).ToListAsync(ct))
                .ToLookup(r => r.UserId, r => r.Name!);
            foreach (var user in users)
            {
                db.RecordEvent(PersonEvents.Of(user, roles[user.Id], now));
                announced++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = users[^1].Id;
        }

        db.Audit.Add(new AuditEntry { At = now, Actor = "system", Action = Action, Target = marker, Details = JsonSerializer.Serialize(new { people = announced }, JsonSerializerOptions.Web) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return announced;
    }
}
