using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.System.Tests;

/// <summary>
/// The whole AppHost (every service and the gateway) on the test run's PostgreSQL and RabbitMQ, started
/// once for the test class, on its own virtual host and databases.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["catalogue", "applications", "feedback", "matching"];
    private readonly string _prefix = "sys" + Guid.NewGuid().ToString("N")[..10];
    private TestVirtualHost? _vhost;
    private DistributedApplication? _app;

    public HttpClient Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var servers = await TestInfrastructure.GetAsync();
        _vhost = await TestVirtualHost.CreateAsync("system");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--ConnectionStrings:postgres={servers.Postgres}",
            $"--ConnectionStrings:messaging={_vhost.Amqp}",
            $"--Talent:DatabasePrefix={_prefix}",
        ]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        Gateway = _app.CreateHttpClient("gateway");
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        var servers = await TestInfrastructure.GetAsync();
        var maintenance = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        foreach (var service in Services)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_prefix}_{service}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }
}
