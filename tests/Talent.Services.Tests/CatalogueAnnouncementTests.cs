extern alias catalogue;
using catalogue::Talent.Catalogue.Data;
using catalogue::Talent.Catalogue.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Messaging.Outbox;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>The catalogue's one-time re-announcement of its items, with several replicas starting at once.</summary>
public sealed class CatalogueAnnouncementTests
{
    [Fact]
    public async Task Replicas_starting_together_announce_each_item_once_per_generation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<catalogue::Program>.StartAsync("catalogue", ("Catalogue:DemoData", "true"));
        var services = host.Factory.Services;
        int items;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
            items = await db.Items.CountAsync(i => !i.Withdrawn, ct);
            Assert.True(items > 0, "demonstration items were seeded");
            // As if this generation had never been announced: no marker, nothing recorded.
            await db.Audit.Where(a => a.Action == "catalogue.announced").ExecuteDeleteAsync(ct);
            await db.Set<OutboxMessage>().ExecuteDeleteAsync(ct);
        }

        var time = services.GetRequiredService<TimeProvider>();
        var announced = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            return await Announcements.AnnounceOnceAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), time, ct);
        }));

        Assert.Equal([0, 0, 0, items], announced.Order());
        await using var check = services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        Assert.Equal(1, await db2.Audit.CountAsync(a => a.Action == "catalogue.announced", ct));
        Assert.Equal(items, await db2.Set<OutboxMessage>().CountAsync(ct));
    }
}
