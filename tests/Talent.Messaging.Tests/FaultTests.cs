using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

/// <summary>
/// Faults while a stream of events flows between two replicas of a service (two relays on one outbox, two consumers on
/// one queue, real PostgreSQL and RabbitMQ): the broker goes away in the middle of production, later the database goes
/// away in the middle of consumption, and a poison message sits among the good ones. Nothing may be lost or applied
/// twice, the poison ends in the error queue alone, and each replica works again within 10 s of its dependency's return.
/// The test command runs a short version (2,000 events, 5 s outages); <c>TALENT_FAULTS_EVENTS=10000
/// TALENT_FAULTS_OUTAGE_SECONDS=30 scripts/test --filter-class Talent.Messaging.Tests.FaultTests</c> runs the full one.
/// </summary>
public sealed class FaultTests
{
    private static int Events => int.TryParse(Environment.GetEnvironmentVariable("TALENT_FAULTS_EVENTS"), out var n) && n > 0 ? n : 2_000;

    private static TimeSpan Outage => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("TALENT_FAULTS_OUTAGE_SECONDS"), out var s) && s > 0 ? s : 5);

    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_replicas_lose_nothing_apply_nothing_twice_and_recover_within_ten_seconds_across_a_broker_and_a_database_outage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("faults");
        await using var vhost = await TestVirtualHost.CreateAsync("faults");
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var dbGate = new TcpGate(direct.Host!, direct.Port);
        await using var brokerGate = new TcpGate(vhost.Amqp.Host, vhost.Amqp.Port);
        dbGate.Open();
        brokerGate.Open();
        var gatedDb = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = dbGate.Port }.ConnectionString;
        var gatedBroker = new UriBuilder(vhost.Amqp) { Host = "127.0.0.1", Port = brokerGate.Port }.Uri;
        var deliveries = new DeliveryLog();
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:OutageRetryFor"] = "00:05:00",
            ["Messaging:OutageRetryMaxInterval"] = "00:00:01",
        };
        await using var first = await MessagingHost.StartAsync(gatedDb, gatedBroker, bus => bus.AddConsumer<ApplyingConsumer>(), settings, deliveries, serviceName: "faults");
        await using var second = await MessagingHost.StartAsync(gatedDb, gatedBroker, bus => bus.AddConsumer<ApplyingConsumer>(), settings, deliveries, serviceName: "faults");
        var replicas = new[] { first, second };
        var events = MessagingHost.Events(Events, "FAULT").ToList();
        var poison = MessagingHost.Events(1, "POISON").Single();
        events.Insert(events.Count / 2, poison);
        var good = events.Count - 1;

        // Production: both replicas record events in transactions of 50; a third of the way in, the broker goes away.
        var batches = events.Chunk(50).ToList();
        TimeSpan brokerRecovery = default;
        for (var i = 0; i < batches.Count; i++)
        {
            if (i == batches.Count / 3)
            {
                brokerGate.Close();
                var resumed = Task.Run(async () =>
                {
                    await Task.Delay(Outage, ct);
                    // Deliveries taken before the cut may still be applied during the outage: what counts is an event
                    // applied after the broker is back, beyond what was applied when it came back.
                    var appliedAtReturn = await CountAsync(first);
                    brokerGate.Open();
                    var reopened = System.Diagnostics.Stopwatch.StartNew();
                    await Eventually.UntilAsync(async () => await CountAsync(first) > appliedAtReturn, TimeSpan.FromSeconds(60), "an event applied after the broker returned");
                    return reopened.Elapsed;
                }, ct);
                for (var j = i; j < i + batches.Count / 3 && j < batches.Count; j++)
                {
                    await replicas[j % 2].RecordAsync(batches[j]);
                }

                i += batches.Count / 3 - 1;
                brokerRecovery = await resumed;
                continue;
            }

            await replicas[i % 2].RecordAsync(batches[i]);
        }

        // Consumption under way: the database goes away, then comes back.
        await Eventually.UntilAsync(async () => await CountAsync(first) > good / 2, TimeSpan.FromSeconds(120), "half the events applied");
        dbGate.Close();
        await Task.Delay(Outage, ct);
        dbGate.Open();
        var reopened = System.Diagnostics.Stopwatch.StartNew();
        var appliedAtReturn = await CountAsync(first);
        await Eventually.UntilAsync(async () => await CountAsync(first) > appliedAtReturn || appliedAtReturn == good, TimeSpan.FromSeconds(60), "an event applied after the database returned");
        var databaseRecovery = reopened.Elapsed;

        await Eventually.UntilAsync(async () => await CountAsync(first) == good, TimeSpan.FromSeconds(300), $"all {good} good events applied");
        var applied = await first.AppliedAsync();
        var twice = applied.GroupBy(a => a.EventId).Where(g => g.Count() > 1).Select(g => g.First().Code).ToList();
        string? queue = null;
        await Eventually.UntilAsync(async () => (queue = await vhost.QueueNamedLikeAsync("applying")) is not null, TimeSpan.FromSeconds(30), "the consumers' queue");
        // At-least-once: an outage may hand the poison over twice (a publish or an acknowledgement lost), and each copy
        // ends in the error queue; what must hold is that the poison is there and nothing else is.
        IReadOnlyList<string> errors = [];
        var poisonId = poison.EventId.ToString();
        await Eventually.UntilAsync(async () => (errors = await vhost.PeekAsync(queue + "_error", 20)).Count > 0, TimeSpan.FromSeconds(60),
            "the poison message in the error queue");
        Assert.All(errors, body => Assert.Contains(poisonId, body, StringComparison.OrdinalIgnoreCase));
        var figure = $"{Events} events, {Outage.TotalSeconds:0} s outages: {applied.Count} applied, {twice.Count} twice, broker recovery {brokerRecovery.TotalSeconds:0.0} s, database recovery {databaseRecovery.TotalSeconds:0.0} s, {errors.Count} in the error queue";
        TestReport.Line("faults: " + figure);

        Assert.Empty(twice);
        Assert.Equal(events.Where(e => e != poison).Select(e => e.EventId).Order(), applied.Select(a => a.EventId).Order());
        Assert.DoesNotContain(applied, a => a.EventId == poison.EventId);
        Assert.True(brokerRecovery <= Ready, figure);
        Assert.True(databaseRecovery <= Ready, figure);
        Assert.Equal(0, await first.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == null, ct)));
    }

    private static Task<int> CountAsync(MessagingHost host) => host.QueryAsync(db => db.Applied.CountAsync());
}
