using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Talent.Data;

/// <summary>
/// A session advisory lock on the service's own database, held for one start-up step that must run once however many
/// replicas start together (seeding the demonstration data): they take turns, and the next one in finds the step done
/// (each step checks first). Held on a connection of its own, so the step may commit in as many transactions as it likes.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<StartupLock> TakeAsync(DbContext db, string step, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection)
            {
                Parameters = { new() { Value = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("talent-startup:" + step))) } },
            };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the session releases the lock.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
