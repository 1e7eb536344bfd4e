using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Data;
using Talent.Testing;
using Xunit;

namespace Talent.ReadModels.Tests;

/// <summary>A service's database connections prepare the statements it repeats (Talent.Data), on a real PostgreSQL database.</summary>
public sealed class PreparedStatementsTests
{
    private sealed class Db(DbContextOptions<Db> options) : DbContext(options)
    {
        public DbSet<Row> Rows => Set<Row>();
    }

    private sealed class Row
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    [Fact]
    public async Task A_query_a_service_repeats_is_prepared_on_its_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("prepared");
        await using var db = new Db((DbContextOptions<Db>)new DbContextOptionsBuilder<Db>().UseServiceDatabase(database.ConnectionString).Options);
        await db.Database.EnsureCreatedAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        for (var i = 0; i < 10; i++)
        {
            await db.Rows.Where(r => r.Id == i).ToListAsync(ct);
        }

        var prepared = await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct);
        Assert.Contains(prepared, s => s.Contains("FROM rows", StringComparison.Ordinal));
    }

    [Fact]
    public void A_connection_string_that_sets_automatic_preparation_keeps_it()
    {
        var off = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements("Host=h;Database=d;Max Auto Prepare=0"));
        var unset = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements("Host=h;Database=d"));
        Assert.Equal(0, off.MaxAutoPrepare);
        Assert.Equal(DatabaseSetup.PreparedStatementsPerConnection, unset.MaxAutoPrepare);
    }
}
