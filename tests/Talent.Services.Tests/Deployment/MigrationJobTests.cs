using System.Diagnostics;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests.Deployment;

/// <summary>
/// What a migration Job (deploy/k8s) runs: a service's own executable with <c>Database:MigrateOnly</c>, which applies its
/// migrations and exits 0 without starting (no listener, no bus), and exits non-zero when it cannot, so the Job fails and
/// the services are not rolled out. The catalogue's, as built by the test command.
/// </summary>
public sealed class MigrationJobTests
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_service_run_with_migrate_only_applies_every_migration_and_exits_zero_without_starting_and_fails_when_it_cannot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (code, output) = await RunCatalogueAsync(database.ConnectionString);
        Assert.True(code == 0, $"exit {code}: {output}");
        Assert.Contains("the service is not started", output);
        Assert.DoesNotContain("Now listening", output);

        // Every migration class, generated (with a Designer file) or written by hand (raw SQL, no model change: none).
        var migrations = Directory.GetFiles(Path.Combine(Repository.Root, "services/catalogue/Data/Migrations"), "*.cs")
            .Count(file => File.ReadAllText(file).Contains("[Migration(\"", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        Assert.Equal(migrations, Convert.ToInt32(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken)));

        // A database that cannot be reached: the Job's process fails, it does not pretend.
        var (failed, _) = await RunCatalogueAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=2");
        Assert.NotEqual(0, failed);
    }

    private static async Task<(int Code, string Output)> RunCatalogueAsync(string connectionString)
    {
        var executable = Path.Combine(Repository.Root, "services/catalogue/bin/Debug/net10.0/Talent.Catalogue");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__MigrateOnly"] = "true",
                ["ConnectionStrings__catalogue"] = connectionString,
                // Never reached: the process ends before anything connects to the broker.
                ["ConnectionStrings__messaging"] = "amqp://guest:guest@127.0.0.1:1/",
                ["Authentication__Authority"] = "http://127.0.0.1:1/identity/",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Allowed);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The catalogue did not exit within {Allowed.TotalSeconds:0} s: {await output}");
        }

        return (process.ExitCode, await output + await errors);
    }
}
