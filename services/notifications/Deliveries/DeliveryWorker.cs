using Talent.Data;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Messaging.Metrics;
using Talent.Notifications.Data;
using Talent.Notifications.Inbox;

namespace Talent.Notifications.Deliveries;

/// <summary>
/// Sends pending deliveries when they are due: woken when new ones commit, and every poll interval. Each pass leases a
/// batch (attempt counted, next attempt moved past the lease) with <c>FOR UPDATE SKIP LOCKED</c>, so replicas never take
/// the same row, then sends and records each outcome. A replica that dies mid-send leaves its rows to be taken again when
/// the lease ends: a message may then be sent twice, never lost (the e-mail's Message-ID names the delivery).
/// </summary>
public sealed class DeliveryWorker(
    IServiceScopeFactory scopes,
    CommitSignal<Delivery> signal,
    EmailSender email,
    SmsSender sms,
    BusinessMeters meters,
    TimeProvider time,
    IOptionsMonitor<NotificationsOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
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
                logger.LogWarning(ex, "Delivery pass failed; trying again in {Interval}", options.CurrentValue.Delivery.PollInterval);
            }

            if (taken >= options.CurrentValue.Delivery.BatchSize)
            {
                continue;
            }

            try
            {
                var delivery = options.CurrentValue.Delivery;
                if (await signal.WaitAsync(delivery.PollInterval, stoppingToken) && delivery.Gather > TimeSpan.Zero)
                {
                    await Task.Delay(delivery.Gather, time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: the deliveries due now, sent; returns how many were taken.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var delivery = settings.Delivery;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = time.GetUtcNow();
        var leaseUntil = now + delivery.Lease;
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = {leaseUntil}
            WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= {now}
                         ORDER BY next_attempt_at LIMIT {delivery.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var rows = await (from d in db.Deliveries
                          join n in db.Notifications on d.NotificationId equals n.Id
                          join r in db.Recipients on n.RecipientId equals r.Subject into people
                          from r in people.DefaultIfEmpty()
                          where ids.Contains(d.Id)
                          select new { Delivery = d, Notification = n, Name = r == null ? "" : r.DisplayName }).ToListAsync(cancellationToken);
        var mails = rows.Where(r => r.Delivery.Channel == Delivery.EmailChannel)
            .Select(r => new OutgoingEmail(r.Delivery.Id, r.Delivery.Address, r.Name, r.Notification.Title, EmailText.Of(r.Notification, settings.PortalUrl)))
            .ToList();
        var outcomes = await email.SendAsync(mails, cancellationToken);
        var texts = rows.Where(r => r.Delivery.Channel == Delivery.SmsChannel)
            .Select(r => new OutgoingSms(r.Delivery.Id, r.Delivery.Address, SmsText.Of(r.Notification)))
            .ToList();
        foreach (var (id, outcome) in await sms.SendAsync(texts, cancellationToken))
        {
            outcomes[id] = outcome;
        }

        foreach (var row in rows)
        {
            var channel = new TagList { { "channel", row.Delivery.Channel } };
            var (error, at) = outcomes.TryGetValue(row.Delivery.Id, out var outcome) ? outcome : new($"No sender for channel {row.Delivery.Channel}.", time.GetUtcNow());
            if (error is null)
            {
                row.Delivery.Succeeded(at);
                meters.Add(NotificationsMeters.Sent, 1, channel);
                continue;
            }

            row.Delivery.Failed(error, at, delivery);
            meters.Add(NotificationsMeters.Failed, 1, channel);
            if (row.Delivery.Status == Delivery.Dead)
            {
                meters.Add(NotificationsMeters.Died, 1, channel);
                logger.LogWarning("Delivery {Delivery} ({Channel}) set aside after {Attempts} attempts: {Error}", row.Delivery.Id, row.Delivery.Channel, row.Delivery.Attempts, error);
            }
        }

        // Not the caller's token: what was sent is recorded even when the service is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        return ids.Count;
    }
}
