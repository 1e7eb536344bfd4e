using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Talent.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(Talent.SystemTests.SystemHost))]

namespace Talent.SystemTests;

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

/// <summary>
/// Test classes that change what the whole system shares (figures read as a snapshot, the suggestion rules, the one
/// matching batch at a time) or take up what others create (the apply page opens talent1's newest draft of its item)
/// run here: after every other test, one at a time. Every other class runs beside the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "the whole system, alone";
}

/// <summary>
/// The one whole system of the test assembly, started when the first test class needs it and stopped after the last test.
/// </summary>
public sealed class SystemHost : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Task<RunningSystem>? _started;

    public Task<RunningSystem> StartedAsync()
    {
        lock (_gate)
        {
            return _started ??= RunningSystem.StartAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true })
        {
            await (await _started).DisposeAsync();
        }
    }
}

/// <summary>
/// What a system test class receives: the one running system of the assembly (see <see cref="SystemHost"/>). Test
/// classes take it as a class fixture and run in parallel with each other; those that must run alone are in
/// <see cref="AloneCollection"/>.
/// </summary>
public sealed class SystemFixture(SystemHost host) : IAsyncLifetime
{
    private RunningSystem _system = null!;

    // Long enough for the longest test to use one token under CI load, short enough to test expiry.
    public static readonly TimeSpan AccessTokenLifetime = RunningSystem.AccessTokenLifetime;

    public async ValueTask InitializeAsync() => _system = await host.StartedAsync();

    public HttpClient Gateway => _system.Gateway;

    public Uri GatewayAddress => _system.GatewayAddress;

    /// <inheritdoc cref="RunningSystem.SignInAsync"/>
    public Task<TokenResponse> SignInAsync(string userName, string scope, string password = "Talent#2026") => _system.SignInAsync(userName, scope, password);

    /// <inheritdoc cref="RunningSystem.EarlyToken"/>
    public (string AccessToken, HttpStatusCode WhileValid) EarlyToken => _system.EarlyToken;

    /// <inheritdoc cref="RunningSystem.HealthyAt"/>
    public DateTimeOffset HealthyAt => _system.HealthyAt;

    /// <inheritdoc cref="RunningSystem.ServiceErrorsUntil"/>
    public IReadOnlyList<string> ServiceErrorsUntil(DateTimeOffset until) => _system.ServiceErrorsUntil(until);

    /// <inheritdoc cref="RunningSystem.As"/>
    public HttpClient As(string accessToken) => _system.As(accessToken);

    /// <inheritdoc cref="RunningSystem.DatabaseAsync"/>
    public Task<string> DatabaseAsync(string service) => _system.DatabaseAsync(service);

    /// <inheritdoc cref="RunningSystem.BrowserAsync"/>
    public Task<Portal.PortalBrowser> BrowserAsync() => _system.BrowserAsync();

    /// <inheritdoc cref="RunningSystem.App"/>
    public DistributedApplication App => _system.App;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// The whole AppHost (every service and the gateway), started once for the test assembly with the demonstration
/// accounts on: in its container mode where a container engine runs, otherwise on the test run's PostgreSQL and
/// RabbitMQ (its own virtual host and databases there).
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private static readonly string[] Services = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange", "portal"];
    private readonly string _prefix = "sys" + Guid.NewGuid().ToString("N")[..10];
    private TestVirtualHost? _vhost;
    private DistributedApplication? _app;

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(40);

    /// <summary>The demonstration stand-in municipal system's key in the test system (the tests read what it received).</summary>
    public const string StandInKey = "system-test-stand-in-key";

    public HttpClient Gateway { get; private set; } = null!;

    private readonly int _replicas;
    private readonly ArtifactLog _log;

    private RunningSystem(int replicas)
    {
        _replicas = replicas;
        _log = new ArtifactLog(replicas > 1 ? "replicas" : "system");
    }

    /// <summary>Starts the whole system; with <paramref name="replicas"/> above 1, every service and the portal run that many times.</summary>
    public static async Task<RunningSystem> StartAsync(int replicas = 1)
    {
        var system = new RunningSystem(replicas);
        try
        {
            await system.InitializeAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Where a container engine runs (the test command's container mode), the system starts its own PostgreSQL and
    /// RabbitMQ containers (the AppHost's container mode, <c>Talent:Infrastructure=containers</c>, throwaway data), so
    /// one whole-system start also proves that mode; otherwise it runs on the test run's local servers (external mode).
    /// </summary>
    public static bool InContainers => Environment.GetEnvironmentVariable("TALENT_TEST_MODE") == "containers";

    private async Task InitializeAsync()
    {
        string[] infrastructure;
        if (InContainers)
        {
            infrastructure = ["--Talent:Infrastructure=containers", "--Talent:ContainerVolumes=false"];
        }
        else
        {
            var servers = await TestInfrastructure.GetAsync();
            _vhost = await TestVirtualHost.CreateAsync("system");
            infrastructure = [$"--ConnectionStrings:postgres={servers.Postgres}", $"--ConnectionStrings:messaging={_vhost.Amqp}"];
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            .. infrastructure,
            $"--Talent:DatabasePrefix={_prefix}",
            $"--Talent:Replicas={_replicas}",
            "--Talent:DemoData=true",
            $"--Talent:StandInKey={StandInKey}",
            // Short-lived tokens and no clock leeway, so expiry is tested within seconds.
            $"--Identity:AccessTokenLifetime={AccessTokenLifetime}",
            "--Authentication:ClockSkew=00:00:00",
            // Containers and external infrastructure mean production settings; the test system runs on plain http.
            "--Identity:RequireHttps=false",
            "--Authentication:RequireHttpsMetadata=false",
            "--Portal:RequireHttps=false",
        ]);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            // Failing health checks are the teardown's noise on the console (they buried the failed test's name in CI's
            // tail); a start that is not healthy is reported by SystemStart per resource, and the artifact log keeps them all.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical)
            .AddFilter<ArtifactLog>(null, LogLevel.Information)
            .AddProvider(_log));
        _app = await builder.BuildAsync();
        var what = (InContainers ? "the whole system (in container mode)" : "the whole system") + (_replicas > 1 ? $" with {_replicas} replicas of each service" : "");
        await SystemStart.StartAsync(_app, what, _replicas);
        HealthyAt = DateTimeOffset.UtcNow;
        Gateway = _app.CreateHttpClient("gateway");
        GatewayAddress = _app.GetEndpoint("gateway", "http");
        var early = (await SignInAsync("operator1", "catalogue")).AccessToken!;
        using var client = As(early);
        using var answer = await client.PostAsJsonAsync("/api/catalogue/drafts", new { code = "x" });
        EarlyToken = (early, answer.StatusCode);
    }

    /// <summary>
    /// An operator's token taken as soon as the system was healthy, and the status a catalogue request with it got then:
    /// the expiry test uses it, so it waits for what is left of the lifetime rather than the whole of it.
    /// </summary>
    public (string AccessToken, HttpStatusCode WhileValid) EarlyToken { get; private set; }

    public Uri GatewayAddress { get; private set; } = null!;

    /// <summary>When every resource of the system was first healthy: the end of its start.</summary>
    public DateTimeOffset HealthyAt { get; private set; }

    /// <summary>Error and critical entries the system's .NET services logged up to <paramref name="until"/>.</summary>
    public IReadOnlyList<string> ServiceErrorsUntil(DateTimeOffset until) => _log.ErrorsOf(ServiceResources, until);

    private static readonly HashSet<string> ServiceResources = [.. Services, "gateway"];

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

    private readonly Lock _browserGate = new();
    private Task<Portal.PortalBrowser>? _browser;

    /// <summary>The connection string of a service's own database in this system (tests reach in only to simulate faults).</summary>
    public async Task<string> DatabaseAsync(string service)
    {
        var server = InContainers ? await _app!.GetConnectionStringAsync("postgres") : (await TestInfrastructure.GetAsync()).Postgres;
        return new NpgsqlConnectionStringBuilder(server) { Database = $"{_prefix}_{service}" }.ConnectionString;
    }

    /// <summary>The AppHost's own resources (its containers in container mode), for the tests that look at them.</summary>
    public DistributedApplication App => _app!;

    /// <summary>One headless Chromium for the assembly's portal tests, started on first use.</summary>
    public Task<Portal.PortalBrowser> BrowserAsync()
    {
        lock (_browserGate)
        {
            return _browser ??= Portal.PortalBrowser.StartAsync();
        }
    }

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

        if (InContainers)
        {
            return; // the containers and their data went with the AppHost
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
