using System.Reflection;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Middleware;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Talent.Messaging.Tests;

/// <summary>
/// The reconnect policy a service's bus really uses after losing RabbitMQ (MassTransit's own waits about 6 s, then 15 s,
/// then 30 s between attempts, so a broker back after 30 s was reached again 15 s later). No broker needed: the policy
/// is read from the bus configuration as MassTransit's receive and send transports read it.
/// </summary>
public sealed class BrokerReconnectTests
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(3);

    [Fact]
    public void A_service_that_lost_the_broker_tries_again_within_the_ceiling_every_time_and_never_gives_up()
    {
        var policy = ConfiguredPolicy();
        var waits = new List<TimeSpan>();
        Assert.True(policy.CreatePolicyContext(new Probe()).CanRetry(new ConnectionException("broker unreachable", isTransient: true), out var retry));
        for (var attempt = 0; attempt < 500; attempt++)
        {
            waits.Add(retry.Delay ?? TimeSpan.Zero);
            Assert.True(retry.CanRetry(new ConnectionException("broker unreachable", isTransient: true), out retry), $"gave up after {attempt + 1} attempts");
        }

        // The jitter MassTransit adds is at most a quarter either way.
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromMilliseconds(500), Ceiling * 1.25));
        // The first wait is within the ceiling too, where MassTransit's own policy waits about 6 s (its jitter put the first
        // at 2.7 s once, so a bar below the ceiling made this test fail now and then).
        Assert.True(waits[0] <= Ceiling, $"the first attempt waits {waits[0].TotalSeconds:0.0} s");
    }

    [Fact]
    public void A_refused_login_is_not_retried()
    {
        var policy = ConfiguredPolicy();
        Assert.False(policy.CreatePolicyContext(new Probe()).CanRetry(new AuthenticationFailureException("ACCESS_REFUSED"), out _));
    }

    private static IRetryPolicy ConfiguredPolicy()
    {
        IRetryPolicy? policy = null;
        Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            BrokerReconnect.Apply(rabbit, Ceiling);
            var host = (IHostConfiguration)rabbit.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(rabbit)!;
            policy = host.ReceiveTransportRetryPolicy;
            Assert.Same(policy, host.SendTransportRetryPolicy);
        });
        return policy!;
    }

    private sealed class Probe : BasePipeContext, PipeContext;
}
