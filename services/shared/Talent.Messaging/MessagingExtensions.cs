using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Inbox;
using Talent.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Talent.Messaging;

public static class MessagingExtensions
{
    public const string BrokerConnectionName = "messaging";

    /// <summary>
    /// The service's messaging over its database <typeparamref name="TContext"/> (registered with
    /// <c>AddServiceDatabase</c>): the outbox (events recorded in the same transaction as the change, a relay that
    /// publishes them, housekeeping) and MassTransit on RabbitMQ from the <c>messaging</c> connection string, with queues
    /// prefixed by the service's name (quorum queues where <c>Messaging:QuorumQueues</c> says so), deliberate prefetch and
    /// concurrency, retries with back-off and then the error queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxCommitInterceptor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxCommitInterceptor>(sp => sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        services.TryAddSingleton<BrokerConnection>();
        services.AddSingleton<OutboxRelay<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay<TContext>>());
        services.AddSingleton<MessagingHousekeeping<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingHousekeeping<TContext>>());
        services.AddSingleton<OutboxMonitor<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxMonitor<TContext>>());

        // MassTransit otherwise reports usage to its vendor, which times out on a closed network.
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
        var connectionString = builder.Configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{BrokerConnectionName}' is missing (ConnectionStrings__{BrokerConnectionName}).");
        var address = RabbitMqAddress.Parse(connectionString)
            .WithClusterNodes(builder.Configuration.GetSection("Messaging").Get<MessagingOptions>()?.ClusterNodes);
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration("Messaging");
        services.TryAddSingleton<ReceiveQueues>();
        services.TryAddSingleton(sp => new ErrorQueue(address, sp.GetRequiredService<ReceiveQueues>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ErrorQueue>>()));
        services.AddHostedService<ErrorQueueMonitor>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            registerConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                if (options.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator queue)
                {
                    queue.SetQuorumQueue(options.QuorumInitialGroupSize);
                }
            });
            bus.UsingRabbitMq((context, rabbit) => ConfigureRabbitMq(context, rabbit, address));
        });
        return builder;
    }

    internal static void ConfigureRabbitMq(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator rabbit, RabbitMqAddress address)
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
        {
            host.Username(address.Username);
            host.Password(address.Password);
            host.PublisherConfirmation = true;
            if (address.Nodes.Count > 0)
            {
                // A cluster reached node by node: the connection goes to the first that answers, and after losing a node to
                // the next (the quorum queues' other members keep every message; tests/Talent.Messaging.Tests/ClusterTests).
                host.UseCluster(cluster =>
                {
                    foreach (var (nodeHost, nodePort) in address.Nodes)
                    {
                        cluster.Node($"{nodeHost}:{nodePort}");
                    }
                });
            }
        });
        BrokerReconnect.Apply(rabbit, options.ReconnectMaxInterval);
        rabbit.PrefetchCount = options.PrefetchCount;
        rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        // Outer: while the database is unreachable a message waits here, retried for OutageRetryFor; the consumer's
        // other deliveries wait with it (at most ConcurrentMessageLimit in hand, the rest unacknowledged in the queue),
        // so an outage of a few minutes ends with every message applied and none in the error queue.
        var outageAttempts = (int)Math.Clamp(options.OutageRetryFor / options.OutageRetryMaxInterval, 1, 10_000);
        rabbit.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DatabaseOutage.IsOutage);
            retry.Exponential(outageAttempts, options.RetryMinInterval, options.OutageRetryMaxInterval, options.RetryMinInterval);
        });
        // Inner: any other failure is tried RetryLimit more times, then goes to the error queue for an operator.
        rabbit.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(DatabaseOutage.IsOutage);
            retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
        });
        rabbit.ConnectEndpointConfigurationObserver(context.GetRequiredService<ReceiveQueues>());
        rabbit.ConfigureEndpoints(context);
    }
}
