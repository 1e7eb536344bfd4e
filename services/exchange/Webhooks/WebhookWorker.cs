using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Talent.Data;
using Talent.Exchange.Data;

namespace Talent.Exchange.Webhooks;

/// <summary>
/// Sends due webhook deliveries: each pass leases a batch with <c>FOR UPDATE SKIP LOCKED</c> (replicas never take the same
/// row), POSTs each CloudEvent with the Standard Webhooks headers (<c>webhook-id</c> the delivery, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c> HMAC-SHA256 with the subscription's secret), and records the outcome: a 2xx is sent, anything
/// else waits its back-off, and after the last attempt the delivery is dead until the client replays it. An endpoint that
/// fails (no answer, 5xx, 429) holds its subscription: its other deliveries wait with it (<see cref="HoldEndpoint"/>). Its own
/// <see cref="HttpClient"/>: no retries or circuit breaker shared across subscribers (the attempts are counted here).
/// A commit that adds deliveries wakes it (<see cref="CommitSignal{TEntity}"/>); otherwise it polls.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, IOptionsMonitor<WebhookOptions> options, CommitSignal<WebhookDelivery> signal, DaprSender dapr, TimeProvider time, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private DateTimeOffset _setAsideAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Subscriptions whose endpoint failed (no answer, 5xx, 429) and their deliveries' common wait: the first back-off
    /// doubled for each failure in a row, reset by a success. Kept by this worker (a replica learns on its own).
    /// </summary>
    private readonly ConcurrentDictionary<Guid, Hold> _holds = new();

    private sealed record Hold(DateTimeOffset Until, int Failures);

    private sealed record Due(WebhookDelivery Delivery, string Url, string Secret, bool Removed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook pass failed; trying again at the next interval");
            }

            if (taken >= options.CurrentValue.BatchSize)
            {
                continue;
            }

            try
            {
                // Woken when deliveries commit here; the poll catches other replicas' rows and retries coming due.
                await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    /// <summary>One pass: the deliveries due now, sent; returns how many were taken.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var now = time.GetUtcNow();
        var held = _holds.Where(h => h.Value.Until > now).Select(h => (h.Key, h.Value.Until)).ToList();
        if (now - _setAsideAt >= settings.PollInterval)
        {
            // Deliveries made for a held subscription since the last round (the fan-out does not know of the hold), with a
            // margin for transactions still open then, wait with it.
            var since = (_setAsideAt == DateTimeOffset.MinValue ? now : _setAsideAt) - TimeSpan.FromMinutes(1);
            _setAsideAt = now;
            await SetAsideRemovedAsync(db, cancellationToken);
            foreach (var (subscription, until) in held)
            {
                await PostponeAsync(db, subscription, until, createdSince: since, cancellationToken);
            }

            // A hold long over is forgotten (its failures no longer count).
            foreach (var stale in _holds.Where(h => h.Value.Until < now - settings.MaxBackoff).Select(h => h.Key).ToList())
            {
                _holds.TryRemove(stale, out _);
            }
        }

        var heldIds = held.Select(h => h.Key).ToArray();
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = {now + settings.Lease}
            WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= {now}
                         AND subscription_id <> ALL({heldIds})
                         ORDER BY next_attempt_at LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var due = await (from d in db.WebhookDeliveries
                         join s in db.WebhookSubscriptions on d.SubscriptionId equals s.Id
                         where ids.Contains(d.Id)
                         select new Due(d, s.Url, s.Secret, s.RemovedAt != null)).ToListAsync(cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                if (item.Removed)
                {
                    item.Delivery.Abandon();
                    return;
                }

                var subscription = item.Delivery.SubscriptionId;
                if (_holds.TryGetValue(subscription, out var hold) && hold.Until > time.GetUtcNow())
                {
                    // Its endpoint failed a moment ago in this pass: not tried, it waits with the others.
                    item.Delivery.Postpone(hold.Until);
                    return;
                }

                var (status, error) = await SendAsync(item, settings, token);
                if (error is null)
                {
                    Release(subscription);
                    item.Delivery.Succeeded(status!.Value, time.GetUtcNow());
                    return;
                }

                item.Delivery.Failed(status, error, time.GetUtcNow(), settings);
                if (status is null or >= 500 or 429)
                {
                    HoldEndpoint(subscription, item.Url, error, settings);
                }
                else
                {
                    // The endpoint answers (a refusal of this delivery): nothing to wait for.
                    Release(subscription);
                }

                if (item.Delivery.Status == WebhookDelivery.Dead)
                {
                    logger.LogWarning("Webhook delivery {Delivery} to {Url} set aside after {Attempts} attempts: {Error}", item.Delivery.Id, item.Url, item.Delivery.Attempts, error);
                }
            });

        // Not the caller's token: what was sent is recorded even when the service is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var (subscription, hold) in _holds.Where(h => h.Value.Until > now && !heldIds.Contains(h.Key)).ToList())
        {
            // Newly held: the subscription's deliveries due before the hold ends wait for it (one statement a back-off).
            await PostponeAsync(db, subscription, hold.Until, createdSince: null, CancellationToken.None);
        }

        return ids.Count;
    }

    /// <summary>
    /// An endpoint that failed holds its subscription's deliveries for the first back-off doubled for each failure in a
    /// row: one attempt a back-off step (at most the pass's parallelism), not one for each waiting delivery, and no pass
    /// waits on an endpoint that does not answer more than once a step.
    /// </summary>
    private void HoldEndpoint(Guid subscription, string url, string error, WebhookOptions settings)
    {
        var now = time.GetUtcNow();
        _holds.TryGetValue(subscription, out var before);
        var hold = _holds.AddOrUpdate(subscription,
            _ => new Hold(now + settings.BackoffAfter(1), 1),
            (_, earlier) => earlier.Until > now ? earlier : new Hold(now + settings.BackoffAfter(earlier.Failures + 1), earlier.Failures + 1));
        // (A hold long over was forgotten, so failures a month apart start again from the first back-off.)
        if (!ReferenceEquals(hold, before))
        {
            logger.LogWarning("Webhook endpoint {Url} failed ({Error}); its deliveries wait until {Until} (failure {Failures} in a row)", url, error, hold.Until, hold.Failures);
        }
    }

    /// <summary>Ends a hold on the subscription: its endpoint answered, or the client replayed a delivery (its endpoint is back).</summary>
    public void Release(Guid subscription) => _holds.TryRemove(subscription, out _);

    /// <summary>Moves a held subscription's pending deliveries due before <paramref name="until"/> to then (made since <paramref name="createdSince"/>, when given).</summary>
    private static Task<int> PostponeAsync(ExchangeDbContext db, Guid subscription, DateTimeOffset until, DateTimeOffset? createdSince, CancellationToken cancellationToken) =>
        createdSince is { } since
            ? db.Database.ExecuteSqlAsync($"""
                UPDATE webhook_deliveries SET next_attempt_at = {until}
                WHERE subscription_id = {subscription} AND status = 'pending' AND created_at >= {since} AND next_attempt_at < {until}
                """, cancellationToken)
            : db.Database.ExecuteSqlAsync($"""
                UPDATE webhook_deliveries SET next_attempt_at = {until}
                WHERE subscription_id = {subscription} AND status = 'pending' AND next_attempt_at < {until}
                """, cancellationToken);

    /// <summary>
    /// Sets aside the pending deliveries of removed subscriptions, at most <see cref="SetAsideChunk"/> a statement and one
    /// statement a poll interval (a backlog for an endpoint that went away is not leased and abandoned a batch at a time; a
    /// large one is worked off over a few passes, each statement short). Found by the deliveries' subscription index, one
    /// probe per removed subscription.
    /// </summary>
    private static async Task SetAsideRemovedAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var note = WebhookDelivery.RemovedNote;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE webhook_deliveries SET status = 'dead', last_error = {note}
            WHERE id IN (SELECT d.id FROM webhook_subscriptions s
                         JOIN webhook_deliveries d ON d.subscription_id = s.id AND d.status = 'pending'
                         WHERE s.removed_at IS NOT NULL
                         LIMIT {SetAsideChunk} FOR UPDATE OF d SKIP LOCKED)
            """, cancellationToken);
    }

    /// <summary>The most deliveries of removed subscriptions one pass sets aside.</summary>
    public const int SetAsideChunk = 5000;

    private async Task<(int? Status, string? Error)> SendAsync(Due item, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var id = item.Delivery.Id.ToString();
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = new StandardWebhook(item.Secret).Sign(id, at, item.Delivery.Payload),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        if (DaprSender.Names(item.Url))
        {
            headers["content-type"] = "application/cloudevents+json";
            var refused = await dapr.SendAsync(item.Url, item.Delivery.Payload, headers, timeout.Token);
            return refused is null ? (200, null)
                : timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? (null, $"No answer within {settings.Timeout.TotalSeconds:0} s.")
                : (null, refused);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, item.Url)
        {
            Content = new StringContent(item.Delivery.Payload, Encoding.UTF8, "application/cloudevents+json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"The receiver answered {status}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, ex is OperationCanceledException ? $"No answer within {settings.Timeout.TotalSeconds:0} s." : ex.Message);
        }
    }
}
