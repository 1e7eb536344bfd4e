extern alias notifications;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using notifications::Talent.Notifications.Data;
using notifications::Talent.Notifications.Deliveries;
using notifications::Talent.Notifications.Messages;
using Talent.Testing;
using Xunit;
using static Talent.Services.Tests.NotificationsTestHost;

namespace Talent.Services.Tests;

/// <summary>
/// The notifications made are counted once their save commits: a save that fails (here two units of work making the
/// same notification, the second refused by the unique index, as when a batch is re-applied one by one) counts nothing.
/// </summary>
public sealed class NotificationsCountTests
{
    [Fact]
    public async Task A_notification_is_counted_when_its_save_commits_and_not_when_the_save_fails()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = TestSmtpServer.OnFreePort();
        await using var host = await StartAsync(smtp, new CapturedLogs());
        var services = host.Factory.Services;
        using var meters = new MeterReading(services.GetRequiredService<IMeterFactory>(), "Talent.Notifications");
        var facts = new MessageFacts(NotificationKinds.SupplementRequested, "TL-2026-000900", "TALENT-HOUSING", "人才安居", "Talent housing", Note: "补正");
        var eventId = Guid.NewGuid();

        // Two units of work make the same person's notification of the same event, neither seeing the other's yet.
        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();
        await first.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync("count-talent", eventId, facts, null, ct);
        await second.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync("count-talent", eventId, facts, null, ct);

        await first.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync(ct);
        Assert.Equal(1, meters.Sum(NotificationsMeters.Created, "kind", NotificationKinds.SupplementRequested));

        await Assert.ThrowsAsync<DbUpdateException>(() => second.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync(ct));
        Assert.Equal(1, meters.Sum(NotificationsMeters.Created, "kind", NotificationKinds.SupplementRequested));
        Assert.Equal(1, await ReadAsync(host, db => db.Notifications.CountAsync(n => n.SourceEventId == eventId, ct)));
    }
}
