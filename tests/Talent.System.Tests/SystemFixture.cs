using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}

/// <summary>
/// The whole AppHost (every service and the gateway) on the test run's PostgreSQL and RabbitMQ, started
/// once for the test collection, on its own virtual host and databases, with the demonstration accounts on.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly string[] Services = ["identity", "catalogue", "applications", "feedback", "matching", "portal"];
    private readonly string _prefix = "sys" + Guid.NewGuid().ToString("N")[..10];
    private TestVirtualHost? _vhost;
    private DistributedApplication? _app;

    // Long enough for the longest test to use one token under CI load, short enough to test expiry.
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(40);

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
            "--Talent:DemoData=true",
            // Short-lived tokens and no clock leeway, so expiry is tested within seconds.
            $"--Identity:AccessTokenLifetime={AccessTokenLifetime}",
            "--Authentication:ClockSkew=00:00:00",
            // External infrastructure means production settings; the test system runs on plain http.
            "--Identity:RequireHttps=false",
            "--Authentication:RequireHttpsMetadata=false",
            "--Portal:RequireHttps=false",
        ]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        _app = await builder.BuildAsync();
        await SystemStart.StartAsync(_app, "the whole system");
        Gateway = _app.CreateHttpClient("gateway");
        GatewayAddress = _app.GetEndpoint("gateway", "http");
    }

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>A token for a demonstration account, through the gateway (resource-owner password flow of talent-dev).</summary>
    public async Task<TokenResponse> SignInAsync(string userName, string scope, string password = "Talent#2026")
    {
        using var response = await Gateway.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "talent-dev",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return response.IsSuccessStatusCode && body?.AccessToken is not null
            ? body
            : throw new InvalidOperationException($"Signing in {userName} failed: {(int)response.StatusCode} {body?.Error} {body?.ErrorDescription}");
    }

    /// <summary>A client of the gateway that sends this bearer token.</summary>
    public HttpClient As(string accessToken)
    {
        var client = new HttpClient { BaseAddress = GatewayAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private Task<Portal.PortalBrowser>? _browser;

    /// <summary>The connection string of a service's own database in this system (tests reach in only to simulate faults).</summary>
    public async Task<string> DatabaseAsync(string service) =>
        new NpgsqlConnectionStringBuilder((await TestInfrastructure.GetAsync()).Postgres) { Database = $"{_prefix}_{service}" }.ConnectionString;

    /// <summary>One headless Chromium for the collection's portal tests, started on first use.</summary>
    public Task<Portal.PortalBrowser> BrowserAsync() => _browser ??= Portal.PortalBrowser.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is { IsCompletedSuccessfully: true })
        {
            await (await _browser).DisposeAsync();
        }

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
