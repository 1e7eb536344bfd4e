using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talent.Testing;

namespace Talent.Services.Tests;

/// <summary>One service in-process on its own fresh database and virtual host (real PostgreSQL and RabbitMQ).</summary>
public sealed class ServiceHost<TProgram> : IAsyncDisposable
    where TProgram : class
{
    private readonly TestDatabase _database;
    private readonly TestVirtualHost _vhost;

    public WebApplicationFactory<TProgram> Factory { get; }

    /// <summary>The settings that make another host a replica of this one: the same database and virtual host.</summary>
    public (string Key, string Value)[] ReplicaSettings(string name) =>
        [($"ConnectionStrings:{name}", _database.ConnectionString), ("ConnectionStrings:messaging", _vhost.Amqp.ToString())];

    private ServiceHost(TestDatabase database, TestVirtualHost vhost, WebApplicationFactory<TProgram> factory)
    {
        _database = database;
        _vhost = vhost;
        Factory = factory;
    }

    public static Task<ServiceHost<TProgram>> StartAsync(string name, params (string Key, string Value)[] settings) =>
        StartAsync(name, null, settings);

    /// <summary>As above, with services replaced for the test (a fake clock, say) after the service's own.</summary>
    public static async Task<ServiceHost<TProgram>> StartAsync(string name, Action<IServiceCollection>? replace, params (string Key, string Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(name);
        var vhost = await TestVirtualHost.CreateAsync(name);
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseSetting($"ConnectionStrings:{name}", database.ConnectionString);
            web.UseSetting("ConnectionStrings:messaging", vhost.Amqp.ToString());
            web.UseSetting("Database:MigrateOnStart", "true");
            // Never contacted: tokens come from TestTokens, whose key and issuer the services are told to trust below.
            web.UseSetting("Authentication:Authority", "http://127.0.0.1:9/identity/");
            web.UseSetting("Authentication:RequireHttpsMetadata", "false");
            web.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                jwt.Configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
                jwt.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = TestTokens.Key;
            }));
            // Started means the bus is started, its queues bound: an event published by the test right after start is
            // not dropped for want of a queue (a fresh run once lost that race).
            web.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o =>
            {
                o.WaitUntilStarted = true;
                o.StartTimeout = TimeSpan.FromSeconds(60);
            }));
            if (replace is not null)
            {
                web.ConfigureTestServices(replace);
            }

            web.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        _ = factory.Server;
        return new ServiceHost<TProgram>(database, vhost, factory);
    }

    /// <summary>Routes that declare neither a policy nor an explicit anonymous mark.</summary>
    public IReadOnlyList<string> EndpointsWithoutDeclaredAccess() =>
        [.. Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")];

    /// <summary>A client of the service that sends this bearer token (see <see cref="TestTokens"/>); none when null.</summary>
    public HttpClient ClientAs(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public int EndpointCount => Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Count();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Changes to a service's registrations for a test.</summary>
public static class TestServices
{
    /// <summary>
    /// The clock replaced by <paramref name="clock"/> and the periodic work <typeparamref name="TWork"/> taken off the host,
    /// so only the test runs it: moving a fake clock fires the host's timer, and a sweep running beside the test's would
    /// hold rows (<c>SKIP LOCKED</c>) the test's then skips, racing its count.
    /// </summary>
    public static Action<IServiceCollection> ClockWithout<TWork>(TimeProvider clock)
        where TWork : class, IHostedService => services =>
    {
        services.AddSingleton(clock);
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TWork)));
        services.AddSingleton<TWork>();
    };
}

