using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Talent.Applications.Data;

namespace Talent.Applications.Applying;

/// <summary>
/// TA-{year}-{n}: a PostgreSQL sequence per year, so submissions never queue on a counter row. Numbers are unique and
/// increasing; one is skipped only when a submission fails at the moment of saving (never reused).
/// </summary>
public static class ReferenceNumbers
{
    private static readonly ConcurrentDictionary<int, bool> SequenceYears = new();

    public static async Task<string> NextAsync(ApplicationsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var year = Application.Today(now).Year;
        var sequence = $"application_reference_{year}";
        if (!SequenceYears.ContainsKey(year))
        {
            // The name is built from an integer year: nothing from a request reaches this statement.
#pragma warning disable EF1003 // an identifier cannot be a parameter; it is made of a constant and an int
            await db.Database.ExecuteSqlRawAsync("CREATE SEQUENCE IF NOT EXISTS " + sequence, ct);
#pragma warning restore EF1003
            SequenceYears[year] = true;
        }

        var next = await db.Database.SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"").ToListAsync(ct);
        return $"TA-{year}-{next.Single():D6}";
    }
}
