using Npgsql;

namespace Talent.Testing;

/// <summary>A fresh, empty database on the shared test server, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    public string Name { get; }

    public string ConnectionString { get; }

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<TestDatabase> CreateAsync(string prefix = "test")
    {
        var servers = await TestInfrastructure.GetAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await ExecuteAsync(servers.Postgres, $"CREATE DATABASE \"{name}\"");
        return new TestDatabase(servers.Postgres, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
