using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
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
    [Fact]
    public async Task An_event_of_a_request_left_out_of_the_sample_stays_out_of_it_and_carries_its_trace_on()
    {
        // The services' own sampler and OpenTelemetry's SDK, keeping every new trace: a send or a consume that began a
        // trace of its own would be exported.
        var exported = new ConcurrentBag<Activity>();
        using var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource("MassTransit", MessagingTelemetry.Name, "Talent.Tests.UnsampledRequest")
            .SetSampler(ServiceDefaultsExtensions.TraceSampler(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:TracesPerSecond"] = "100000", ["Telemetry:TraceSampleRatio"] = "1" }).Build()))
            .AddProcessor(new ExportedActivities(exported))
            .Build();
        // Watches without sampling: whatever the SDK decided, the activities that exist.
        var consumed = new ConcurrentBag<Activity>();
        using var watcher = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer)
                {
                    consumed.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(watcher);
        using var requestSource = new ActivitySource("Talent.Tests.UnsampledRequest");

        await using var database = await TestDatabase.CreateAsync();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = await MessagingHost.StartAsync(database.ConnectionString, vhost.Amqp, bus => bus.AddConsumer<ApplyingConsumer>());
        var unsampled = MessagingHost.Events(1, "UNSAMPLED").Single();

        ActivityTraceId requestTrace;
        // A request whose caller (the gateway) left it out of the sample.
        var unsampledCaller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        using (var request = requestSource.StartActivity("POST /api/catalogue/items", ActivityKind.Server, unsampledCaller))
        {
            Assert.False(request!.Recorded);
            requestTrace = request.TraceId;
            await host.RecordAsync([unsampled]);
        }

        await Eventually.UntilAsync(async () => (await host.AppliedAsync()).Any(a => a.EventId == unsampled.EventId), TimeSpan.FromSeconds(30), "the event applied");
        // The consumer's side is in the request's trace, unrecorded: the decision travelled with the message.
        await Eventually.UntilAsync(() => consumed.Any(a => a.TraceId == requestTrace), TimeSpan.FromSeconds(30), "the consume activity in the request's trace");
        Assert.All(consumed.Where(a => a.TraceId == requestTrace), a => Assert.False(a.Recorded));
        // Nothing on the way (the relay's publish, the broker's send, the receive, the consume) began an exported trace of
        // its own: no exported span names the event (under any tag) or lies in the request's trace.
        var eventId = unsampled.EventId.ToString();
        Assert.DoesNotContain(exported, a => a.TraceId == requestTrace || a.TagObjects.Any(t => t.Value?.ToString() == eventId));
    }

    /// <summary>What an exporter would receive: the SDK's ended activities that are sampled.</summary>
    private sealed class ExportedActivities(ConcurrentBag<Activity> exported) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Recorded)
            {
                exported.Add(data);
            }
        }
    }
}
