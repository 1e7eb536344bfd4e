using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Talent.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Applies the committed migrations once, when <c>Database:MigrateOnStart</c> is true (the embedded
    /// default). A session advisory lock, taken in the server's maintenance database because the service's
    /// own database may not exist yet, keeps two replicas from racing; the second finds nothing to do.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        if (!app.Services.GetRequiredService<IConfiguration>().GetValue<bool>("Database:MigrateOnStart"))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration));
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        var lockKey = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("talent-migrate:" + target.Database)));

        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = lockKey } } })
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // Creates the database when it does not exist yet, then applies what is pending.
            logger.LogInformation("Applying pending migrations to {Database}", target.Database);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = lockKey } } };
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
