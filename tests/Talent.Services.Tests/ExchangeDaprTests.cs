extern alias exchange;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using Talent.Contracts.Catalogue;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// Webhooks through a Dapr output binding or pub/sub topic, against the stand-in sidecar (a contract test of our
/// Dapr.Client calls, not of Dapr): a subscription to <c>dapr:{binding}</c> gets each event as the binding's data, one to
/// <c>dapr:pubsub/{component}/{topic}</c> as a CloudEvent published as it is, both with the Standard Webhooks headers as
/// metadata, verifiable with the client's secret; a refusing sidecar is retried like any receiver; without a sidecar such
/// a subscription is refused, naming <c>url</c>.
/// </summary>
public sealed class ExchangeDaprTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Subscriptions_to_a_dapr_binding_and_a_dapr_topic_get_each_event_signed_through_the_sidecar_and_are_refused_without_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sidecar = await StandInDaprSidecar.StartAsync();
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"),
            ("Exchange:Webhooks:DaprGrpcEndpoint", sidecar.Endpoint), ("Exchange:Webhooks:PollInterval", "00:00:00.100"), ("Exchange:Webhooks:FirstBackoff", "00:00:00.200"));
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));

        foreach (var wrong in new[] { "dapr:Not A Binding", "dapr:pubsub/bus", "dapr:pubsub/Bus/topic", "dapr:pubsub/bus/a topic" })
        {
            var invalid = await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = wrong }, ct);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("url", out _), wrong);
        }

        var created = await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "dapr:municipal-webhook" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("secret").GetString()!;
        var onTopic = await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "dapr:pubsub/municipal-bus/talent.exchange.events" }, ct);
        Assert.Equal(HttpStatusCode.Created, onTopic.StatusCode);
        var topicSecret = (await onTopic.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("secret").GetString()!;

        // Refused first: the delivery is retried, as for an HTTP receiver; then accepted.
        sidecar.Refusing = true;
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        var published = new CatalogueItemPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, "DAPR-ONE", 1, "事项", "Item", "HRSS", "employment");
        await bus.Publish(published, c => c.MessageId = published.EventId, ct);
        await Eventually.UntilAsync(
            () => sidecar.Received.RefusedPublications >= 1 && sidecar.Received.Refused - sidecar.Received.RefusedPublications >= 1, Deadline, "a refused attempt of each");
        sidecar.Refusing = false;
        await Eventually.UntilAsync(() => sidecar.Received.Accepted.Count == 1, Deadline, "the delivery through the binding");
        await Eventually.UntilAsync(() => sidecar.Received.Published.Count == 1, Deadline, "the delivery to the topic");

        var call = sidecar.Received.Accepted[0];
        Assert.Equal(("municipal-webhook", "post"), (call.Name, call.Operation));
        var body = call.Data.ToStringUtf8();
        using var cloudEvent = JsonDocument.Parse(body);
        Assert.Equal(published.EventId.ToString(), cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.Equal("application/cloudevents+json", call.Metadata["content-type"]);
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = call.Metadata["webhook-id"],
            ["webhook-timestamp"] = call.Metadata["webhook-timestamp"],
            ["webhook-signature"] = call.Metadata["webhook-signature"],
        };
        new StandardWebhook(secret).Verify(body, headers); // throws when the signature does not match

        // On the topic: the CloudEvent itself (not wrapped in another), signed with that subscription's secret.
        var publication = sidecar.Received.Published[0];
        Assert.Equal(("municipal-bus", "talent.exchange.events", "application/cloudevents+json"), (publication.PubsubName, publication.Topic, publication.DataContentType));
        var onTopicBody = publication.Data.ToStringUtf8();
        Assert.Equal(published.EventId.ToString(), JsonDocument.Parse(onTopicBody).RootElement.GetProperty("id").GetString());
        new StandardWebhook(topicSecret).Verify(onTopicBody, new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = publication.Metadata["webhook-id"],
            ["webhook-timestamp"] = publication.Metadata["webhook-timestamp"],
            ["webhook-signature"] = publication.Metadata["webhook-signature"],
        });
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(onTopicBody, new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = publication.Metadata["webhook-id"],
            ["webhook-timestamp"] = publication.Metadata["webhook-timestamp"],
            ["webhook-signature"] = publication.Metadata["webhook-signature"],
        }));

        // Without a sidecar, a binding is not a place a webhook can go.
        await using var plain = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"));
        using var other = plain.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));
        var refused = await other.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "dapr:municipal-webhook" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Dapr", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").GetProperty("url")[0].GetString());
    }
}
