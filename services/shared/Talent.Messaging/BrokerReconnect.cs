using System.Reflection;
using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Exceptions;

namespace Talent.Messaging;

/// <summary>
/// How soon a service reconnects to RabbitMQ after losing it. MassTransit 8.5 fixes its RabbitMQ reconnect policy in
/// <c>RabbitMqHostConfiguration</c>'s constructor, with no setting: exponential from about 6 s to 30 s between attempts,
/// so a broker back after a 30 s outage was reached again only 15 s later (the faults suite's bar is 10 s). This puts
/// the same policy (same exceptions retried, a refused login never) with a short ceiling in its place, once, while the
/// bus is configured and before any receive or send transport reads it. Reflection on two private members: a MassTransit
/// update that renames them fails at start-up with this message (and in Talent.Messaging.Tests), never silently.
/// </summary>
public static class BrokerReconnect
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    public static void Apply(IRabbitMqBusFactoryConfigurator rabbit, TimeSpan maxInterval)
    {
        var host = rabbit.GetType().GetField("_hostConfiguration", Instance)?.GetValue(rabbit)
            ?? throw Changed(rabbit.GetType(), "_hostConfiguration");
        var policy = host.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance)
            ?? throw Changed(host.GetType(), "the ReceiveTransportRetryPolicy backing field");
        policy.SetValue(host, Policy(maxInterval));
    }

    /// <summary>MassTransit's own policy (RabbitMqHostConfiguration, 8.5) with intervals of 1 s up to <paramref name="maxInterval"/>.</summary>
    public static IRetryPolicy Policy(TimeSpan maxInterval) => Retry.CreatePolicy(retry =>
    {
        retry.Handle<ConnectionException>();
        retry.Handle<AlreadyClosedException>();
        retry.Handle<EndOfStreamException>();
        retry.Handle<OperationInterruptedException>(exception => exception.ChannelShouldBeClosed());
        retry.Handle<NotSupportedException>(exception => exception.Message.Contains("Pipelining of requests forbidden", StringComparison.Ordinal));
        retry.Ignore<AuthenticationFailureException>();
        var least = TimeSpan.FromSeconds(1) < maxInterval ? TimeSpan.FromSeconds(1) : maxInterval;
        retry.Exponential(int.MaxValue, least, maxInterval, least);
    });

    private static InvalidOperationException Changed(Type type, string member) => new(
        $"MassTransit changed: {type.FullName} has no {member}, through which Talent shortens the RabbitMQ reconnect " +
        "interval (see BrokerReconnect). Check the new version's reconnect policy before upgrading.");
}
