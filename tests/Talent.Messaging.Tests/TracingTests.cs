using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Talent.Testing;
using Xunit;

namespace Talent.Messaging.Tests;

public sealed class TracingTests
{
    [Fact]
    public async Task The_consumer_of_an_outbox_event_continues_the_trace_of_the_request_that_recorded_it()
    {
        var consumed = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or MessagingTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer)
                {
                    consumed.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var requestSource = new ActivitySource("Talent.Tests.Request");
        using var requestListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == requestSource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(requestListener);

        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp, bus => bus.AddConsumer<ApplyingConsumer>());
        var traced = MessagingHost.Events(1, "TRACED").Single();

        ActivityTraceId requestTrace;
        using (var request = requestSource.StartActivity("POST /api/catalogue/items", ActivityKind.Server))
        {
            requestTrace = request!.TraceId;
            await host.RecordAsync([traced]);
        }

        // The request has ended before the relay publishes: only the stored traceparent can link them.
        await Eventually.UntilAsync(() => consumed.Any(a => a.GetTagItem("messaging.message.id")?.ToString() == traced.EventId.ToString()), TimeSpan.FromSeconds(30), "the consume activity");
        var consume = consumed.First(a => a.GetTagItem("messaging.message.id")?.ToString() == traced.EventId.ToString());
        Assert.Equal(requestTrace, consume.TraceId);
    }
}
