using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
            await CreateAsync(db, sequence, ct);
            SequenceYears[year] = true;
        }

        try
        {
            return $"TA-{year}-{await NextValueAsync(db, sequence, ct):D6}";
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The database is not the one the year was first seen in (restored, recreated, another host in this process).
            await CreateAsync(db, sequence, ct);
            return $"TA-{year}-{await NextValueAsync(db, sequence, ct):D6}";
        }
    }

    // The name is built from an integer year: nothing from a request reaches this statement.
#pragma warning disable EF1003 // an identifier cannot be a parameter; it is made of a constant and an int
    private static Task CreateAsync(ApplicationsDbContext db, string sequence, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("CREATE SEQUENCE IF NOT EXISTS " + sequence, ct);
#pragma warning restore EF1003

    private static async Task<long> NextValueAsync(ApplicationsDbContext db, string sequence, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"").ToListAsync(ct)).Single();
}
