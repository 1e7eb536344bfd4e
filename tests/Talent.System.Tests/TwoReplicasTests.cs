using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Talent.SystemTests.Portal;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>A second whole system, every service and the portal as two replicas (<c>--Talent:Replicas=2</c>); its own test phase.</summary>
public sealed class TwoReplicasSystem : IAsyncLifetime
{
    public static readonly string[] Replicated = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange", "portal"];

    public RunningSystem System { get; private set; } = null!;

    /// <summary>
    /// The healthy instances of each replicated resource once the system had started, read before any test runs (one of
    /// them stops a portal replica, and the tests of a class run in no fixed order).
    /// </summary>
    public Dictionary<string, HashSet<string>> HealthyAtStart { get; private set; } = [];

    /// <summary>Each instance's address of its own (replica id → http://localhost:port), past the proxy that spreads requests.</summary>
    public Dictionary<string, Uri> OwnAddresses { get; } = [];

    public async ValueTask InitializeAsync()
    {
        System = await RunningSystem.StartAsync(replicas: 2);
        HealthyAtStart = await HealthyInstancesAsync(System, OwnAddresses, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The healthy instances (replica ids) of each replicated resource, as the AppHost reports them; read until every
    /// resource shows two (or 30 s pass, and then what was seen).
    /// </summary>
    private static async Task<Dictionary<string, HashSet<string>>> HealthyInstancesAsync(RunningSystem system, Dictionary<string, Uri> owned, CancellationToken ct)
    {
        var seen = new Dictionary<string, HashSet<string>>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var change in system.App.ResourceNotifications.WatchAsync(deadline.Token))
            {
                if (Replicated.Contains(change.Resource.Name) && change.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    (seen.TryGetValue(change.Resource.Name, out var ids) ? ids : seen[change.Resource.Name] = []).Add(change.ResourceId);
                    // What the replica itself listens on (DCP's effective environment), not the shared proxy.
                    if (change.Snapshot.EnvironmentVariables.FirstOrDefault(e => e.Name == "ASPNETCORE_URLS")?.Value is { } urls
                        && Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var own))
                    {
                        owned[change.ResourceId] = own;
                    }
                }

                if (Replicated.All(name => seen.GetValueOrDefault(name)?.Count >= 2))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }
}

/// <summary>
/// Nothing assumes a single process (#16, #22): with two replicas of everything, competing consumers lose no event and the
/// one-time re-announcement is made once, search answers alike on both catalogue replicas within the sync interval, both
/// replicas' deadline sweeps raise each alert once, the sign-in form works whichever identity
/// replica serves each step, and a portal session survives the replica that made it stopping. Run by the test command
/// in a phase of its own, after the one-replica system has stopped (never two whole systems at once).
/// </summary>
[Trait("Phase", "replicas")]
public sealed class TwoReplicasTests(TwoReplicasSystem replicas) : IClassFixture<TwoReplicasSystem>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private RunningSystem System => replicas.System;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_service_and_the_portal_run_as_two_healthy_replicas()
    {
        var instances = replicas.HealthyAtStart;

        Assert.All(TwoReplicasSystem.Replicated, name => Assert.Equal(2, instances.GetValueOrDefault(name)?.Count ?? 0));
    }

    [Fact]
    public async Task Two_catalogue_replicas_announce_once_and_every_item_reaches_each_consumer_whichever_replica_takes_it()
    {
        await using var catalogue = new NpgsqlConnection(await System.DatabaseAsync("catalogue"));
        await catalogue.OpenAsync(Ct);
        // Every item, withdrawn ones too (the copies keep them, marked): another test of this class publishes and withdraws one.
        var items = await CountAsync(catalogue, "SELECT count(*) FROM items");
        Assert.True(items > 0);
        // Both replicas start together; the one-time re-announcement is made by one of them.
        Assert.Equal(1, await CountAsync(catalogue, "SELECT count(*) FROM audit_entries WHERE action = 'catalogue.announced' AND subject = 'generation-3'"));

        foreach (var consumer in new[] { "applications", "feedback", "matching", "notifications" })
        {
            await using var copy = new NpgsqlConnection(await System.DatabaseAsync(consumer));
            await copy.OpenAsync(Ct);
            await Eventually.UntilAsync(async () => await CountAsync(copy, "SELECT count(*) FROM catalogue_items") == items, Deadline, $"every item in {consumer}'s copy");
        }

        // The exchange keeps no copy but a feed: every item's publication is in it, whichever replica consumed it.
        await using var exchange = new NpgsqlConnection(await System.DatabaseAsync("exchange"));
        await exchange.OpenAsync(Ct);
        await Eventually.UntilAsync(
            async () => await CountAsync(exchange, "SELECT count(DISTINCT subject) FROM feed_events WHERE type = 'cn.talent.catalogue.item.published.v1'") >= items,
            Deadline, "every item in the exchange's feed");
    }

    [Fact]
    public async Task Search_answers_the_same_on_both_catalogue_replicas_within_the_sync_interval_after_a_publication_and_a_withdrawal()
    {
        var addresses = replicas.HealthyAtStart["catalogue"].Select(id => replicas.OwnAddresses[id]).ToList();
        Assert.Equal(2, addresses.Distinct().Count());
        var clients = addresses.Select(a => new HttpClient { BaseAddress = a }).ToList();
        using var admin = System.As((await System.SignInAsync("operator1", "catalogue")).AccessToken!);
        var code = CatalogueSamples.NewCode("REPL");
        var word = "量子" + code[^4..];
        // The sync interval (Catalogue:Search:SyncInterval, 5 s) and a second or two of a loaded machine.
        var within = TimeSpan.FromSeconds(5 + 10);

        // Published through one replica (whichever the gateway's proxy picks): each finds it, the other after its next sync.
        await CatalogueSamples.PublishAsync(admin, admin, CatalogueSamples.Draft(code, titleZh: $"{word}人才服务"), Ct);
        await Eventually.UntilAsync(async () => await EachFindsAsync(clients, word, [code]), within, "both replicas finding the new item");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/catalogue/items/{code}/withdraw", new { reason = "测试下架 test withdrawal" }, Ct)).StatusCode);
        await Eventually.UntilAsync(async () => await EachFindsAsync(clients, word, []), within, "neither replica finding the withdrawn item");

        // And on the directory as it stands, both answer alike.
        foreach (var query in new[] { "爱人工作", "人才", "创业 补贴" })
        {
            Assert.Equal(await CatalogueSamples.TopCodesAsync(clients[0], query, Ct), await CatalogueSamples.TopCodesAsync(clients[1], query, Ct));
        }

        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Both_applications_replicas_sweeping_at_once_raise_each_deadline_alert_once()
    {
        var token = (await System.SignInAsync("operator1", "applications")).AccessToken!;
        using var operatorClient = System.As(token);
        await using var applications = new NpgsqlConnection(await System.DatabaseAsync("applications"));
        await applications.OpenAsync(Ct);
        const string Alerts = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%ApplicationOverdue%'";

        // The demonstration data holds one overdue case; both replicas sweep every minute, and operators sweep now, at once.
        await Eventually.UntilAsync(async () =>
        {
            var sweeps = Enumerable.Range(0, 4).Select(_ => operatorClient.PostAsync("/api/applications/deadline-sweeps", null, Ct));
            Assert.All(await Task.WhenAll(sweeps), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            return await CountAsync(applications, Alerts) > 0;
        }, Deadline, "the demonstration's overdue case alerted");
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => operatorClient.PostAsync("/api/applications/deadline-sweeps", null, Ct)));

        Assert.Equal(0, await CountAsync(applications, """
            SELECT count(*) FROM (
              SELECT body->>'applicationId', body->>'deadline', body->>'dueOn' FROM outbox_messages
              WHERE message_type LIKE '%ApplicationOverdue%' OR message_type LIKE '%ApplicationDueSoon%'
              GROUP BY message_type, 1, 2, 3 HAVING count(*) > 1) twice
            """));
    }

    [Fact]
    public async Task Signing_in_works_across_identity_replicas_and_the_portal_session_survives_its_replica_stopping()
    {
        var browser = await System.BrowserAsync();
        var page = await browser.OpenAsync(System.GatewayAddress, "en", PortalBrowser.Sizes[1]);
        await page.GotoAsync("/search");
        await PortalSession.SignInOnTheFormAsync(page, "butler1");
        await page.GotoAsync("/cases");
        await page.Locator("header .account .who").WaitForAsync();

        var stopped = replicas.HealthyAtStart["portal"].First();
        var stop = await System.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(stopped, KnownResourceCommands.StopCommand, Ct);
        Assert.True(stop.Success, stop.Message);

        // Every request now goes to the other replica, which reads the session with the shared keys.
        for (var i = 0; i < 3; i++)
        {
            var response = await page.GotoAsync("/cases");
            Assert.Equal(200, response?.Status);
            Assert.EndsWith("/cases", page.Url, StringComparison.Ordinal);
            await page.Locator("header .account .who").WaitForAsync();
        }

        await page.Context.CloseAsync();
    }

    private static async Task<bool> EachFindsAsync(IEnumerable<HttpClient> clients, string query, string[] codes)
    {
        foreach (var client in clients)
        {
            if (!(await CatalogueSamples.TopCodesAsync(client, query, Ct)).SequenceEqual(codes))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
