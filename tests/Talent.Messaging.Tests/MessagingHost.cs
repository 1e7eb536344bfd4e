using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Talent.Data;
using Talent.Contracts.Catalogue;
using Talent.Messaging.Outbox;

namespace Talent.Messaging.Tests;

/// <summary>A service process as the services build it (database, outbox relay, MassTransit on RabbitMQ), for one test.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DeliveryLog Deliveries => _host.Services.GetRequiredService<DeliveryLog>();

    public static async Task<MessagingHost> StartAsync(
        string database,
        Uri broker,
        Action<IBusRegistrationConfigurator>? consumers = null,
        IDictionary<string, string?>? settings = null,
        DeliveryLog? deliveries = null,
        TimeProvider? time = null,
        bool relay = true,
        string? serviceName = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:test"] = database,
            ["ConnectionStrings:messaging"] = broker.ToString(),
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:00.500",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton(deliveries ?? new DeliveryLog());
        builder.AddServiceDatabase<TestDbContext>("test");
        // Replicas of one service share its name (and so its queues); separate tests get their own.
        builder.AddMessaging<TestDbContext>(serviceName ?? "t" + Guid.NewGuid().ToString("N")[..8], consumers);
        // Publishing before the consumers' queues are bound would drop messages: start means started.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Configuration["Messaging:Outbox:RelayEnabled"] = relay ? "true" : "false";

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(host.Services.GetRequiredService<DeliveryLog>());
        await host.StartAsync();
        return new MessagingHost(host);
    }

    /// <summary>Records events in one transaction, as an endpoint does with its state change; commits unless told not to.</summary>
    public async Task RecordAsync(IEnumerable<CatalogueItemPublished> events, bool commit = true)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var e in events)
        {
            db.RecordEvent(e);
        }

        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    public async Task<T> QueryAsync<T>(Func<TestDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task<List<AppliedEvent>> AppliedAsync() =>
        QueryAsync(db => db.Applied.AsNoTracking().OrderBy(a => a.Order).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }

    public static IEnumerable<CatalogueItemPublished> Events(int count, string prefix = "E")
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(1, count)
            .Select(i => new CatalogueItemPublished(Guid.CreateVersion7(), now, $"{prefix}-{i:D4}", i, $"事项 {i}", $"Item {i}"))
            .ToList();
    }
}
