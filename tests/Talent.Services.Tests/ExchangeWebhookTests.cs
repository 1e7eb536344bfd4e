extern alias exchange;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;
using static Talent.Services.Tests.ExchangeTests;

namespace Talent.Services.Tests;

/// <summary>
/// Webhooks of the exchange on a real broker and database, to receivers in the test process: each event signed and
/// verifiable, a refused delivery retried, set aside and replayed; a removed subscription's deliveries set aside; an
/// endpoint that fails holds its subscription's deliveries without holding up another subscriber's.
/// </summary>
public sealed class ExchangeWebhookTests
{
    [Fact]
    public async Task A_webhook_receives_each_event_signed_verifiably_a_refused_delivery_is_retried_then_set_aside_and_replayed_and_another_client_sees_none_of_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"),
            ("Exchange:Webhooks:PollInterval", "00:00:00.100"), ("Exchange:Webhooks:FirstBackoff", "00:00:00.200"), ("Exchange:Webhooks:MaxAttempts", "3"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));
        using var other = host.ClientAs(AccessPersonas.Token("municipal-other", "exchange", [], scope: "exchange"));
        using var operators = host.ClientAs(AccessPersonas.Token("demo-operator1", "exchange", ["operator"], scope: "exchange"));
        Assert.Equal(HttpStatusCode.OK, (await operators.PutAsJsonAsync("/exchange/v1/admin/clients/municipal-other/grants", new { services = new[] { "webhooks" }, reason = "测试" }, ct)).StatusCode);

        await AssertInvalidAsync(await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "ftp://talent.example/hook" }, ct), "url");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "https://user:pw@talent.example/hook" }, ct), "url");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = "https://talent.example/hook", types = new[] { "everything" } }, ct), "types[0]");

        // "steady" answers 503 to its first request, then 200; "down" refuses until the test relents.
        var steady = await SubscribeAsync(client, new Uri(receiver.Address, "steady"), ct);
        var down = await SubscribeAsync(client, new Uri(receiver.Address, "down"), ct);
        receiver.Names["steady"] = (steady.Secret, 200, RefuseFirst: 1);
        receiver.Names["down"] = (down.Secret, 500, RefuseFirst: 0);
        Assert.Null((await client.GetFromJsonAsync<JsonElement>("/exchange/v1/webhooks", ct))[0].GetProperty("secret").GetString());

        var published = Published("EX-HOOK", 1);
        await Publish(bus, published, ct);
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, steady.Id, "sent", ct)).Count == 1, Deadline, "steady's delivery sent");
        var atSteady = receiver.Requests.Where(r => r.Name == "steady").ToList();
        Assert.Equal(2, atSteady.Count);
        Assert.All(atSteady, r => Assert.True(r.Verified, "the StandardWebhooks library verifies the signature"));
        Assert.Single(atSteady.Select(r => r.Id).Distinct());
        var cloudEvent = JsonDocument.Parse(atSteady[1].Body).RootElement;
        Assert.Equal(published.EventId.ToString(), cloudEvent.GetProperty("id").GetString());
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal(2, (await DeliveriesAsync(client, steady.Id, "sent", ct))[0].GetProperty("attempts").GetInt32());

        // "down": three attempts, then dead and listed; replayed once the receiver is back, it is delivered.
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, down.Id, "dead", ct)).Count == 1, Deadline, "down's delivery set aside");
        var dead = (await DeliveriesAsync(client, down.Id, "dead", ct))[0];
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Equal(500, dead.GetProperty("lastStatus").GetInt32());
        var replay = $"/exchange/v1/webhooks/{down.Id}/deliveries/{dead.GetProperty("id").GetString()}/replay";
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(replay, null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/exchange/v1/webhooks/{down.Id}/deliveries", ct)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/exchange/v1/webhooks", ct)).EnumerateArray());
        receiver.Names["down"] = (down.Secret, 204, RefuseFirst: 0);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(replay, null, ct)).StatusCode);
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, down.Id, "sent", ct)).Count == 1, Deadline, "down's delivery replayed");
        Assert.True(receiver.Requests.Last(r => r.Name == "down").Verified);

        // Removed: the next event makes no delivery for it.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/exchange/v1/webhooks/{down.Id}", ct)).StatusCode);
        var second = Published("EX-HOOK-2", 1);
        await Publish(bus, second, ct);
        await Eventually.UntilAsync(() => receiver.Requests.Any(r => r.Name == "steady" && r.Body.Contains(second.EventId.ToString())), Deadline, "the second event at steady");
        Assert.DoesNotContain(receiver.Requests, r => r.Name == "down" && r.Body.Contains(second.EventId.ToString()));
    }

    [Fact]
    public async Task Removing_a_subscription_sets_its_pending_deliveries_aside_promptly_rather_than_leaving_them_to_their_back_off()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await TestWebhookReceiver.StartAsync();
        // A failed attempt waits an hour: the delivery stays pending unless the removal sets it aside.
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"),
            ("Exchange:Webhooks:PollInterval", "00:00:00.100"), ("Exchange:Webhooks:FirstBackoff", "01:00:00"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));
        var gone = await SubscribeAsync(client, new Uri(receiver.Address, "gone"), ct);
        receiver.Names["gone"] = (gone.Secret, 503, RefuseFirst: 0);

        await Publish(bus, Published("EX-GONE", 1), ct);
        // The attempt's outcome recorded (the lease counts the attempt before it is sent): pending, its next try an hour away.
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, gone.Id, "pending", ct)) is [{ } d] && d.GetProperty("lastStatus").ValueKind == JsonValueKind.Number,
            Deadline, "one failed attempt, the delivery pending");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/exchange/v1/webhooks/{gone.Id}", ct)).StatusCode);
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, gone.Id, "pending", ct)).Count == 0, Deadline, "the pending delivery set aside");
        var dead = Assert.Single(await DeliveriesAsync(client, gone.Id, "dead", ct));
        Assert.Contains("removed", dead.GetProperty("lastError").GetString());
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_endpoint_that_fails_holds_its_deliveries_tried_once_a_back_off_step_while_another_subscriber_gets_every_event_and_a_replay_ends_the_hold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await TestWebhookReceiver.StartAsync();
        // Two deliveries sent at once; an hour's back-off, so within the test a failed endpoint is not tried again unless
        // released; one attempt each, so a delivery that was tried is dead at once (and can be replayed).
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"),
            ("Exchange:Webhooks:PollInterval", "00:00:00.100"), ("Exchange:Webhooks:FirstBackoff", "01:00:00"), ("Exchange:Webhooks:Parallelism", "2"),
            ("Exchange:Webhooks:MaxAttempts", "1"));
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));
        var down = await SubscribeAsync(client, new Uri(receiver.Address, "held-down"), ct);
        var up = await SubscribeAsync(client, new Uri(receiver.Address, "held-up"), ct);
        receiver.Names["held-down"] = (down.Secret, 503, RefuseFirst: 0);
        receiver.Names["held-up"] = (up.Secret, 200, RefuseFirst: 0);

        const int Events = 12;
        foreach (var i in Enumerable.Range(1, Events))
        {
            await Publish(bus, Published($"EX-HELD-{i}", 1), ct);
        }

        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, up.Id, "sent", ct)).Count == Events, Deadline, "every event at the healthy subscriber");
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, down.Id, "dead", ct)).Count > 0, Deadline, "the failing endpoint's attempt recorded");

        // The failing endpoint was tried by the pass that first reached it (at most two at once), not once for each event:
        // those attempts are its dead deliveries; the others wait, untried, for the hold's end an hour away.
        var tried = receiver.Requests.Count(r => r.Name == "held-down");
        Assert.InRange(tried, 1, 2);
        var dead = await DeliveriesAsync(client, down.Id, "dead", ct);
        Assert.Equal(tried, dead.Count);
        // Deliveries committed after the hold began (events still arriving) are moved to its end by the worker's next pass.
        var waiting = new List<JsonElement>();
        await Eventually.UntilAsync(async () =>
        {
            waiting = await DeliveriesAsync(client, down.Id, "pending", ct);
            return waiting.All(d => d.GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(55));
        }, Deadline, "the failing endpoint's other deliveries moved to the hold's end");
        Assert.Equal(Events - tried, waiting.Count);
        Assert.All(waiting, d => Assert.Equal(0, d.GetProperty("attempts").GetInt32()));
        Assert.Equal(tried, receiver.Requests.Count(r => r.Name == "held-down"));

        // The endpoint is back and the client replays a dead delivery: the hold ends, and it is sent now, not in an hour.
        receiver.Names["held-down"] = (down.Secret, 204, RefuseFirst: 0);
        var replayed = dead[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/exchange/v1/webhooks/{down.Id}/deliveries/{replayed}/replay", null, ct)).StatusCode);
        await Eventually.UntilAsync(async () => (await DeliveriesAsync(client, down.Id, "sent", ct)).Any(d => d.GetProperty("id").GetString() == replayed), Deadline, "the replayed delivery sent");
    }

    private static async Task<(Guid Id, string Secret)> SubscribeAsync(HttpClient client, Uri url, CancellationToken ct)
    {
        var created = await client.PostAsJsonAsync("/exchange/v1/webhooks", new { url = url.ToString() }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid subscription, string status, CancellationToken ct) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/exchange/v1/webhooks/{subscription}/deliveries?status={status}", ct)).GetProperty("items").EnumerateArray()];
}
