extern alias matching;
using System.Net;
using System.Net.Http.Json;
using matching::Talent.Matching.Demands;
using matching::Talent.Matching.Engagements;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Talent.Services.Tests.MatchingTestData;

namespace Talent.Services.Tests;

/// <summary>Batches against each other and against the declines that arrive while one runs, on a real database.</summary>
[Collection(MatchingTestData.Collection)]
public sealed class MatchingBatchConcurrencyTests
{
    [Fact]
    public async Task Concurrent_batches_never_propose_a_pair_twice_and_the_batches_turned_away_answer_409()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        await AddAsync(services, [.. Enumerable.Range(0, 30).Select(i => Broker($"broker-{i}", 50)), .. Enumerable.Range(0, 100).Select(i => TierA($"talent-{i}", i))], ct);

        using var coordinator = host.ClientAs(TestTokens.Operator("matching"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => coordinator.PostAsync("/api/matching/batches", null, ct)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType));
        var proposals = await ReadAsync(services, db => db.Proposals.ToListAsync(ct));
        Assert.Equal(300, proposals.Count); // 100 demands of tier A, three providers each: once
        Assert.Equal(proposals.Count, proposals.Select(p => (p.DemandId, p.ProviderId)).Distinct().Count());
    }

    [Fact]
    public async Task A_decline_while_a_batch_runs_is_kept_or_answered_409_and_never_undone_by_the_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var providers = Enumerable.Range(0, 20).Select(i => Broker($"broker-{i}", 50)).ToList();
        var demands = Enumerable.Range(0, 60).Select(i => TierA($"talent-{i}", i)).ToList();
        // Each demand has one of its three providers already, so every batch gives it two more and calls it matched.
        var proposals = demands.Select((d, i) => Proposal.For(d.Id, providers[i % providers.Count].Id, 500, null, Now)).ToList();
        await AddAsync(services, [.. providers, .. demands, .. proposals], ct);

        using var coordinator = host.ClientAs(TestTokens.Operator("matching"));
        var clients = providers.Select(p => host.ClientAs(TestTokens.For(p.UserId!, "matching", ["broker"]))).ToList();
        var batch = coordinator.PostAsync("/api/matching/batches", null, ct);
        var declines = await Task.WhenAll(proposals.Select((p, i) =>
            clients[i % clients.Count].PostAsJsonAsync($"/api/matching/proposals/{p.Id}/decline", new { reason = "满负荷 fully booked" }, ct)));
        Assert.Equal(HttpStatusCode.OK, (await batch).StatusCode);

        Assert.All(declines, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var stored = await ReadAsync(services, db => db.Proposals.ToListAsync(ct));
        var demandsNow = await ReadAsync(services, db => db.Demands.ToDictionaryAsync(d => d.Id, ct));
        for (var i = 0; i < proposals.Count; i++)
        {
            var declined = stored.Single(p => p.Id == proposals[i].Id);
            var demand = demandsNow[declined.DemandId];
            if (declines[i].StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(ProposalState.Declined, declined.State);
                Assert.Contains(declined.ProviderId, demand.Declined);
            }
            else
            {
                Assert.Equal(ProposalState.Proposed, declined.State); // the loser changed nothing
            }
        }

        foreach (var demand in demandsNow.Values)
        {
            var live = stored.Where(p => p.DemandId == demand.Id && p.State != ProposalState.Declined).ToList();
            Assert.DoesNotContain(live, p => demand.Declined.Contains(p.ProviderId));
            // A decline reopens the demand: matched means it still has every provider it wants.
            Assert.True(demand.State != DemandState.Matched || live.Count >= demand.ProvidersWanted,
                $"Demand {demand.Id} is matched with {live.Count} of {demand.ProvidersWanted} providers after a decline.");
        }

        clients.ForEach(c => c.Dispose());
    }
}
