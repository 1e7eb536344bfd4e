extern alias exchange;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using exchange::Talent.Exchange.Data;
using exchange::Talent.Exchange.Feed;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Talent.Contracts.Catalogue;
using Talent.Testing;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// The exchange on a real broker and database: a municipal client reads the change feed only with an operator's grant;
/// the feed is CloudEvents, ordered, paged by cursor, each fact once; a row committed late is not jumped over; every
/// call is in a hash chain whose verification finds a changed row; a pruned cursor is told so (410).
/// </summary>
public sealed class ExchangeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private const string Client = "municipal-test";

    [Fact]
    public async Task A_client_reads_the_feed_only_once_granted_in_order_by_cursor_each_fact_once_and_every_call_is_in_a_chain_that_detects_a_changed_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange");
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var client = host.ClientAs(AccessPersonas.Token(Client, "exchange", [], scope: "exchange"));
        using var person = host.ClientAs(AccessPersonas.Token("demo-talent1", "exchange", ["applicant"], scope: "exchange"));
        using var operators = host.ClientAs(AccessPersonas.Token("demo-operator1", "exchange", ["operator"], scope: "exchange"));

        // Not granted: 403 naming the service; a person's token is never a client's.
        var refused = await client.GetAsync("/exchange/v1/feed", ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("service", (await refused.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/exchange/v1/feed", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/exchange/v1/admin/clients/{Client}/grants", ct)).StatusCode);

        // Operators grant it, with a reason; an unknown service or no reason is a 400 naming the field.
        await AssertInvalidAsync(await operators.PutAsJsonAsync($"/exchange/v1/admin/clients/{Client}/grants", new { services = new[] { "feed", "everything" }, reason = "试点" }, ct), "services[1]");
        await AssertInvalidAsync(await operators.PutAsJsonAsync($"/exchange/v1/admin/clients/{Client}/grants", new { services = new[] { "feed" } }, ct), "reason");
        var granted = await operators.PutAsJsonAsync($"/exchange/v1/admin/clients/{Client}/grants", new { services = new[] { "feed" }, reason = "市人才系统对接试点 Pilot" }, ct);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var grants = await granted.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(["feed"], grants.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("市人才系统对接试点 Pilot", grants.GetProperty("changes")[0].GetProperty("reason").GetString());

        // Three facts, one of them announced twice: the feed holds each once, in order.
        var first = Published("EX-ONE", 1);
        await Publish(bus, first, ct);
        await Eventually.UntilAsync(() => CountAsync(host, ct).ContinueWith(t => t.Result == 1, ct), Deadline, "the first item in the feed");
        await Publish(bus, Published("EX-ONE", 1), ct);
        await Publish(bus, Published("EX-TWO", 1), ct);
        await Eventually.UntilAsync(() => CountAsync(host, ct).ContinueWith(t => t.Result == 2, ct), Deadline, "the second item in the feed");
        var withdrawn = new CatalogueItemWithdrawn(Guid.NewGuid(), DateTimeOffset.UtcNow, "EX-ONE", 1, "合并至新事项");
        await Publish(bus, withdrawn, ct);
        await Eventually.UntilAsync(() => CountAsync(host, ct).ContinueWith(t => t.Result == 3, ct), Deadline, "the withdrawal in the feed");
        // Stored is not yet served: a page holds rows older than every transaction running on the server (other tests'
        // databases share it), so wait until the three are served.
        var polls = 0;
        await Eventually.UntilAsync(async () => ++polls > 0 && (await ServedAsync(client, ct)).Count == 3, Deadline, "the three served");

        var page = await client.GetFromJsonAsync<JsonElement>("/exchange/v1/feed?limit=2", ct);
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        Assert.Equal("P30D", page.GetProperty("retention").GetString());
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("1.0", events[0].GetProperty("specversion").GetString());
        Assert.Equal(first.EventId.ToString(), events[0].GetProperty("id").GetString());
        Assert.Equal(FeedTypes.ItemPublished, events[0].GetProperty("type").GetString());
        Assert.Equal("/talent/catalogue", events[0].GetProperty("source").GetString());
        Assert.Equal("EX-ONE", events[0].GetProperty("subject").GetString());
        Assert.Equal("EX-ONE", events[0].GetProperty("data").GetProperty("code").GetString());
        Assert.Equal("EX-TWO", events[1].GetProperty("subject").GetString());
        var rest = await client.GetFromJsonAsync<JsonElement>($"/exchange/v1/feed?after={page.GetProperty("next").GetString()}", ct);
        var last = Assert.Single(rest.GetProperty("events").EnumerateArray());
        Assert.Equal(withdrawn.EventId.ToString(), last.GetProperty("id").GetString());
        Assert.Equal(FeedTypes.ItemWithdrawn, last.GetProperty("type").GetString());
        Assert.False(rest.GetProperty("hasMore").GetBoolean());
        var end = await client.GetFromJsonAsync<JsonElement>($"/exchange/v1/feed?after={rest.GetProperty("next").GetString()}", ct);
        Assert.Empty(end.GetProperty("events").EnumerateArray());
        Assert.Equal(rest.GetProperty("next").GetString(), end.GetProperty("next").GetString());
        await AssertInvalidAsync(await client.GetAsync("/exchange/v1/feed?after=yesterday", ct), "after");
        await AssertInvalidAsync(await client.GetAsync("/exchange/v1/feed?limit=501", ct), "limit");

        // Every call of the client is logged (the refusal too), the chain intact; a row changed afterwards is found.
        var calls = await operators.GetFromJsonAsync<JsonElement>($"/exchange/v1/admin/calls?clientId={Client}&pageSize=100", ct);
        var logged = calls.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(6 + polls, logged.Count);
        var refusal = logged.Single(c => c.GetProperty("status").GetInt32() == 403);
        Assert.Equal("feed", refusal.GetProperty("service").GetString());
        Assert.All(logged, c => Assert.Equal(64, c.GetProperty("responseSha256").GetString()!.Length));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/exchange/v1/admin/calls/verification", ct)).StatusCode);
        var intact = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls/verification", ct);
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.True(intact.GetProperty("checked").GetInt64() >= 6);

        var refusalId = refusal.GetProperty("id").GetInt64();
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ExchangeDbContext>().Database.ExecuteSqlAsync($"UPDATE call_log SET status = 200 WHERE id = {refusalId}", ct);
        }

        var broken = await operators.GetFromJsonAsync<JsonElement>("/exchange/v1/admin/calls/verification", ct);
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(refusalId, broken.GetProperty("firstBrokenId").GetInt64());
    }

    [Fact]
    public async Task A_feed_row_whose_transaction_commits_after_a_later_one_is_read_not_jumped_over_and_a_pruned_cursor_is_told_to_start_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<exchange::Program>.StartAsync("exchange", ("Exchange:DemoData", "true"), ("Exchange:Feed:Retention", "00:00:01"), ("Exchange:Feed:PruneInterval", "01:00:00"));
        using var client = host.ClientAs(AccessPersonas.Token("municipal-demo", "exchange", [], scope: "exchange"));
        await using var data = NpgsqlDataSource.Create(host.ReplicaSettings("exchange")[0].Value);

        // A writes first and stays open; B writes after it and commits. The feed must not serve B before A is decided.
        await using var a = await data.OpenConnectionAsync(ct);
        await using var slow = await a.BeginTransactionAsync(ct);
        await InsertAsync(a, "late", ct);
        await using (var b = await data.OpenConnectionAsync(ct))
        {
            await InsertAsync(b, "early", ct);
        }

        var whileOpen = await client.GetFromJsonAsync<JsonElement>("/exchange/v1/feed", ct);
        Assert.Empty(whileOpen.GetProperty("events").EnumerateArray());
        await slow.CommitAsync(ct);
        var both = new List<JsonElement>();
        await Eventually.UntilAsync(async () => (both = await ServedAsync(client, ct)).Count == 2, Deadline, "both served once the first commits");
        Assert.Equal(["late", "early"], both.Select(e => e.GetProperty("subject").GetString()));
        var cursor = both[0].GetProperty("cursor").GetString();

        // Past the retention, pruned: a cursor from before is 410 naming it; from the start the feed reads on.
        var pruner = host.Factory.Services.GetRequiredService<FeedPruner>();
        // Until both are past the retention and gone (the first pass may find only the older one old enough).
        await Eventually.UntilAsync(async () => await pruner.PruneAsync(ct) >= 0 && await CountAsync(host, ct) == 0, Deadline, "the feed pruned");
        var gone = await client.GetAsync($"/exchange/v1/feed?after={cursor}", ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("after", (await gone.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("field").GetString());
        var fresh = await client.GetFromJsonAsync<JsonElement>("/exchange/v1/feed", ct);
        Assert.Empty(fresh.GetProperty("events").EnumerateArray());
        Assert.Equal("PT1S", fresh.GetProperty("retention").GetString());
    }

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
        var waiting = await DeliveriesAsync(client, down.Id, "pending", ct);
        Assert.Equal(Events - tried, waiting.Count);
        Assert.All(waiting, d =>
        {
            Assert.Equal(0, d.GetProperty("attempts").GetInt32());
            Assert.True(d.GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(55), "it waits for the hold's end");
        });

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

    private static async Task InsertAsync(NpgsqlConnection connection, string subject, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO feed_events (id, type, source, subject, time, data, dedupe_key, recorded_at) VALUES ($1, 'test', '/test', $2, now(), '{}', $2, now())", connection);
        insert.Parameters.AddWithValue(Guid.NewGuid());
        insert.Parameters.AddWithValue(subject);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static CatalogueItemPublished Published(string code, int version) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, code, version, $"事项 {code}", $"Item {code}", "HRSS", "employment");

    private static Task Publish<T>(IBus bus, T message, CancellationToken ct)
        where T : class, Talent.Contracts.IIntegrationEvent =>
        bus.Publish(message, c => c.MessageId = message.EventId, ct);

    private static async Task<int> CountAsync(ServiceHost<exchange::Program> host, CancellationToken ct)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeDbContext>().Feed.CountAsync(ct);
    }

    /// <summary>The events the feed serves from its start (one page of up to 100).</summary>
    private static async Task<List<JsonElement>> ServedAsync(HttpClient client, CancellationToken ct) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/exchange/v1/feed?limit=100", ct)).GetProperty("events").EnumerateArray()];

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
    }
}
