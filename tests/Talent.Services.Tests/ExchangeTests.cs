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
    internal static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
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

    private static async Task InsertAsync(NpgsqlConnection connection, string subject, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO feed_events (id, type, source, subject, time, data, dedupe_key, recorded_at) VALUES ($1, 'test', '/test', $2, now(), '{}', $2, now())", connection);
        insert.Parameters.AddWithValue(Guid.NewGuid());
        insert.Parameters.AddWithValue(subject);
        await insert.ExecuteNonQueryAsync(ct);
    }

    internal static CatalogueItemPublished Published(string code, int version) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, code, version, $"事项 {code}", $"Item {code}", "HRSS", "employment");

    internal static Task Publish<T>(IBus bus, T message, CancellationToken ct)
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

    internal static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
    }
}
