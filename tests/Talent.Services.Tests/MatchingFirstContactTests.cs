extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using matching::Talent.Matching.Data;
using matching::Talent.Matching.Engagements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Talent.Contracts.Applications;
using Talent.Messaging.Inbox;
using Talent.Testing;
using Talent.WorkingDays;
using Xunit;
using static Talent.Services.Tests.MatchingTestData;

namespace Talent.Services.Tests;

/// <summary>
/// Matching's first-contact deadlines on a real broker and database, on a clock the test moves: counted in the copy of
/// the working-day calendar that <c>WorkingCalendarChanged</c> keeps, and flagged once by the sweep when missed (dates
/// worked out by hand on the 2026 calendar).
/// </summary>
public sealed class MatchingFirstContactTests
{
    // Thursday 26 November 2026, 10:00 in the zone (UTC+8); instants in UTC, as the service keeps them.
    private static readonly DateTimeOffset Thursday = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static readonly DateOnly Friday = new(2026, 11, 27);

    [Fact]
    public async Task A_calendar_change_dated_before_the_start_reaches_the_copy_and_an_older_one_arriving_later_does_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var bus = host.Factory.Services.GetRequiredService<IBus>();
        using var anonymous = host.Factory.CreateClient();

        // Made a month ago (before this service started and seeded its copy): it still wins over the seeded year.
        await PublishAsync(bus, Thursday.AddDays(-30), [Friday], ct);
        await Eventually.UntilAsync(async () => (await HolidaysAsync(anonymous, ct)).Contains(Friday), TimeSpan.FromSeconds(30), "the change in matching's copy");

        // An older change delivered later (out of order) is taken in and ignored: the year stays as the newer one left it.
        var older = await PublishAsync(bus, Thursday.AddDays(-40), [new DateOnly(2026, 11, 30)], ct);
        await Eventually.UntilAsync(() => ReadAsync(host.Factory.Services, db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == older, ct)), TimeSpan.FromSeconds(30), "the older change handled");
        var holidays = await HolidaysAsync(anonymous, ct);
        Assert.Contains(Friday, holidays);
        Assert.DoesNotContain(new DateOnly(2026, 11, 30), holidays);
    }

    [Fact]
    public async Task A_missed_first_contact_counted_in_the_copied_calendar_is_flagged_once_after_its_day_and_never_when_contact_was_made()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Thursday);
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching",
            TestServices.ClockWithout<FirstContactSweep>(clock));
        var services = host.Factory.Services;
        // Friday 27 November is declared a day off in the applications service's calendar; matching hears of it.
        await PublishAsync(services.GetRequiredService<IBus>(), Thursday.AddHours(-1), [Friday], ct);
        using var anonymous = host.Factory.CreateClient();
        await Eventually.UntilAsync(async () => (await HolidaysAsync(anonymous, ct)).Contains(Friday), TimeSpan.FromSeconds(30), "the change in matching's copy");

        var providers = Enumerable.Range(0, 2).Select(i => Broker($"broker-fc-{i}", 5)).ToList();
        var demands = Enumerable.Range(0, 2).Select(i => TierA($"talent-fc-{i}")).ToList();
        var proposals = demands.Select((d, i) => Proposal.For(d.Id, providers[i].Id, 500, null, Thursday)).ToList();
        await AddAsync(services, [.. providers, .. demands, .. proposals], ct);
        var engagements = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var provider = host.ClientAs(TestTokens.For(providers[i].UserId!, "matching", ["broker"]));
            var accepted = await provider.PostAsync($"/api/matching/proposals/{proposals[i].Id}/accept", null, ct);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var engagement = await accepted.Content.ReadFromJsonAsync<JsonElement>(ct);
            // Tier A: first contact within one working day. Friday is off, so Monday 30 November (Friday without the change).
            Assert.Equal("2026-11-30", engagement.GetProperty("firstContactDueOn").GetString());
            engagements.Add(engagement.GetProperty("id").GetGuid());
        }

        // The second provider makes first contact on Monday.
        clock.SetUtcNow(Thursday.AddDays(4));
        using (var contacted = host.ClientAs(TestTokens.For(providers[1].UserId!, "matching", ["broker"])))
        {
            var milestone = await contacted.PostAsJsonAsync($"/api/matching/engagements/{engagements[1]}/milestones", new { milestone = "firstContact", note = "电话沟通 called" }, ct);
            Assert.Equal(HttpStatusCode.OK, milestone.StatusCode);
        }

        var sweep = services.GetRequiredService<FirstContactSweep>();
        // Monday, the day it is due: not overdue yet.
        Assert.Equal(0, await sweep.SweepAsync(ct));
        Assert.Equal((0, 0), (await FlaggedAsync(services, engagements[0], ct), await FlaggedAsync(services, engagements[1], ct)));

        // Tuesday 1 December: the first engagement is overdue, flagged once however many sweeps run; the second never.
        clock.SetUtcNow(Thursday.AddDays(5));
        await Task.WhenAll(sweep.SweepAsync(ct), sweep.SweepAsync(ct));
        Assert.Equal(0, await sweep.SweepAsync(ct));
        Assert.Equal((1, 0), (await FlaggedAsync(services, engagements[0], ct), await FlaggedAsync(services, engagements[1], ct)));
    }

    /// <summary>Publishes a change of 2026 (the seeded year plus <paramref name="extraHolidays"/>) and returns its message id.</summary>
    private static async Task<Guid> PublishAsync(IBus bus, DateTimeOffset madeAt, DateOnly[] extraHolidays, CancellationToken ct)
    {
        var seeded = ChinaHolidays.Seed.Single(y => y.Year == 2026);
        var change = new WorkingCalendarChanged(Guid.NewGuid(), madeAt, 2026, [.. seeded.Holidays, .. extraHolidays], [.. seeded.MakeUpWorkdays], "测试 test change", false);
        await bus.Publish(change, c => c.MessageId = change.EventId, ct);
        return change.EventId;
    }

    private static async Task<List<DateOnly>> HolidaysAsync(HttpClient anonymous, CancellationToken ct) =>
        [.. (await anonymous.GetFromJsonAsync<JsonElement>("/api/matching/calendar/2026", ct)).GetProperty("holidays").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!))];

    /// <summary><c>FirstContactOverdue</c> events recorded for one engagement.</summary>
    private static async Task<int> FlaggedAsync(IServiceProvider services, Guid engagement, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MatchingDbContext>().Database;
        return (await database.SqlQuery<int>(
            $"""SELECT count(*)::int AS "Value" FROM outbox_messages WHERE message_type LIKE '%FirstContactOverdue%' AND body::text LIKE {"%" + engagement + "%"}""").ToListAsync(ct)).Single();
    }
}
