extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using matching::Talent.Matching.Data;
using matching::Talent.Matching.Demands;
using matching::Talent.Matching.Engagements;
using matching::Talent.Matching.Matching;
using matching::Talent.Matching.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talent.Contracts;
using Talent.Contracts.Applications;
using Talent.Contracts.Catalogue;
using Talent.Contracts.Feedback;
using Talent.ReadModels;
using Talent.Testing;
using Talent.WorkingDays;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>
/// One record across the lifecycle on a real broker and database: applications submitted and decided and a rating,
/// told by other services' events (a redelivery adding nothing), join the person's record with the stage an approval
/// reached; a butler who serves the person reads it only once the person consents, anyone else never.
/// </summary>
public sealed class MatchingRecordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_of_other_services_build_the_person_s_record_and_stage_and_a_butler_reads_it_only_with_consent()
    {
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching", ("Messaging:ConcurrentMessageLimit", "1"), ("Messaging:PrefetchCount", "1"));
        var services = host.Factory.Services;
        var now = DateTimeOffset.UtcNow;
        const string person = "record-talent", butlerUser = "record-butler";
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            db.CatalogueItems.Add(CatalogueItemCopy.From(new CatalogueItemPublished(Guid.NewGuid(), now, "RECORD-PILOT", 1, "中试平台补助", "Pilot subsidy", "STI", "production", ["Pilot"]), now));
            // A butler who serves the person: an engagement from an accepted proposal.
            var serving = Provider.Create(butlerUser, new Provider.Profile("管家 测试", "butler", "测试服务中心", "service-centre", null, [], ["biomedicine"], ["life"], ["pilot"], ["zh"],
                5, true, 2, null), ProviderStatus.Approved, now);
            var demand = Demand.Register(person, "陈博士", "talent", new Demand.Registration(["biomedicine"], "pilot", ["life"], "子女入学", "zh", "normal", null, null, null, null, null, null),
                new TierOptions(), now.AddDays(-5));
            var proposal = Proposal.For(demand.Id, serving.Id, 50, null, now.AddDays(-4));
            proposal.Accept(now.AddDays(-4));
            db.AddRange(serving, demand, proposal, Engagement.Start(proposal, demand, serving, new WorkingCalendar(ChinaHolidays.Seed), now.AddDays(-4)));
            await db.SaveChangesAsync(Ct);
        }

        var application = Guid.NewGuid();
        var bus = services.GetRequiredService<IBus>();
        var submitted = new ApplicationSubmitted(Guid.NewGuid(), now.AddDays(-10), application, "TA-RECORD-1", person, "RECORD-PILOT", 1, "STI", ["STI"], "online", DateOnly.FromDateTime(now.UtcDateTime));
        var decided = new ApplicationDecided(Guid.NewGuid(), now.AddDays(-2), application, "TA-RECORD-1", person, "RECORD-PILOT", 1, "STI", ["STI"], null, true, "同意", true, 0);
        var rating = new EvaluationSubmitted(Guid.NewGuid(), now.AddDays(-1), Guid.NewGuid(), "application", application, "RECORD-PILOT", "STI", null, "verySatisfied", 5, "web");
        // The rating first (its person is found when the record is read), the decision twice (a redelivery).
        foreach (IIntegrationEvent message in new IIntegrationEvent[] { rating, submitted, decided, decided })
        {
            await bus.Publish(message, message.GetType(), c => c.MessageId = message.EventId, Ct);
        }

        using var me = host.ClientAs(TestTokens.Applicant("matching", person));
        JsonElement record = default;
        await Eventually.UntilAsync(async () =>
        {
            record = await me.GetFromJsonAsync<JsonElement>("/api/matching/record", Ct);
            var kinds = record.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
            return kinds.Contains("applicationSubmitted") && kinds.Contains("applicationDecided") && kinds.Contains("rated");
        }, TimeSpan.FromSeconds(30), "the three events in the record");
        var timeline = record.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Single(timeline, t => t.GetProperty("kind").GetString() == "applicationDecided"); // the redelivery added nothing
        Assert.Equal("中试平台补助", timeline.First(t => t.GetProperty("kind").GetString() == "applicationDecided").GetProperty("titleZh").GetString());
        Assert.Contains(timeline, t => t.GetProperty("kind").GetString() == "engagement" && t.GetProperty("titleZh").GetString() == "管家 测试");
        Assert.Contains(timeline, t => t.GetProperty("kind").GetString() == "demand");
        var pilot = record.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "pilot");
        Assert.True(pilot.GetProperty("reached").GetBoolean());
        Assert.Contains("中试平台补助", pilot.GetProperty("byZh").GetString(), StringComparison.Ordinal);

        // The butler who serves the person: nothing until the person consents, then the same record; nobody else ever.
        using var butler = host.ClientAs(TestTokens.For(butlerUser, "matching", ["butler"]));
        Assert.Equal(HttpStatusCode.NotFound, (await butler.GetAsync($"/api/matching/record/{person}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PutAsJsonAsync("/api/matching/record/sharing", new { withButlers = true }, Ct)).StatusCode);
        var seen = await butler.GetFromJsonAsync<JsonElement>($"/api/matching/record/{person}", Ct);
        Assert.Equal(timeline.Count, seen.GetProperty("timeline").GetArrayLength());
        using var otherButler = host.ClientAs(TestTokens.For("record-other-butler", "matching", ["butler"]));
        Assert.Equal(HttpStatusCode.NotFound, (await otherButler.GetAsync($"/api/matching/record/{person}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PutAsJsonAsync("/api/matching/record/sharing", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PutAsJsonAsync("/api/matching/record/sharing", new { withButlers = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await butler.GetAsync($"/api/matching/record/{person}", Ct)).StatusCode);
    }
}
