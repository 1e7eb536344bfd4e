using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
    /// <remarks>
    /// With <c>Database:MigrateOnly</c> the process migrates and exits (0) before the service starts anything: the
    /// migration Job that Kubernetes runs once before the services (deploy/k8s), where the services themselves do not
    /// migrate. A failed migration ends the process with an error, so the Job fails and the services are not rolled out.
    /// </remarks>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost app, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var config = app.Services.GetRequiredService<IConfiguration>();
        var migrateOnly = config.GetValue<bool>("Database:MigrateOnly");
        if (!migrateOnly && !config.GetValue<bool>("Database:MigrateOnStart"))
        {
            return;
        }

        await MigrateAsync<TContext>(app, cancellationToken);
        if (migrateOnly)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration))
                .LogInformation("Database:MigrateOnly: migrated, the service is not started");
            // Nothing has started yet (no host, no bus): the process ends here, as a Job's should (the services disposed
            // first, so the console logger writes what it holds).
            app.Dispose();
            Environment.Exit(0);
        }
    }

    private static async Task MigrateAsync<TContext>(IHost app, CancellationToken cancellationToken)
        where TContext : DbContext
    {

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
            // The database is created here, not by EF: EF finds out that it is missing by failing to connect to it, which it
            // logs as an error, so every clean start showed one error per service in the dashboard.
            if (await CreateIfMissingAsync(connection, target.Database!, cancellationToken))
            {
                logger.LogInformation("Created the database {Database}", target.Database);
            }

            // Likewise its history table: EF reads it before creating it, and a failed read is logged as an error.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            logger.LogInformation("Applying pending migrations to {Database}", target.Database);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = lockKey } } };
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Creates the database unless it exists (the caller holds the migration lock); true when it was created.</summary>
    private static async Task<bool> CreateIfMissingAsync(NpgsqlConnection maintenance, string database, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", maintenance) { Parameters = { new() { Value = database } } })
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return false;
            }
        }

        // An identifier cannot be a parameter: quoted, with its quotes doubled.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", maintenance);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
