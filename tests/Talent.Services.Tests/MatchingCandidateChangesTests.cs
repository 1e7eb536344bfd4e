extern alias matching;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using matching::Talent.Matching.Demands;
using matching::Talent.Matching.Engagements;
using matching::Talent.Matching.Matching;
using matching::Talent.Matching.Providers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Talent.Services.Tests.MatchingTestData;

namespace Talent.Services.Tests;

/// <summary>What changes who a demand's candidates are, over HTTP on a real database: a decline, an approval, a suspension.</summary>
public sealed class MatchingCandidateChangesTests
{
    [Fact]
    public async Task A_provider_who_declined_is_neither_a_candidate_nor_proposed_again_for_that_demand_in_later_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var providers = Enumerable.Range(0, 3).Select(i => Broker($"broker-{i}", 50)).ToList();
        var demand = TierA("talent-declined");
        var first = Proposal.For(demand.Id, providers[0].Id, 500, null, Now);
        await AddAsync(services, [.. providers, demand, first], ct);
        using var coordinator = host.ClientAs(TestTokens.Operator("matching"));
        using (var decliner = host.ClientAs(TestTokens.For(providers[0].UserId!, "matching", ["broker"])))
        {
            var declined = await decliner.PostAsJsonAsync($"/api/matching/proposals/{first.Id}/decline", new { reason = "不熟悉该领域 not my field" }, ct);
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        Assert.Equal(new[] { providers[1].Id, providers[2].Id }.Order(), (await CandidatesAsync(coordinator, demand.Id, ct)).Order());
        var batch = await RunBatchAsync(coordinator, ct);
        Assert.Equal(2, batch.Proposals);
        // A fourth provider arrives: the next batch proposes them, still not the one who declined.
        var late = Broker("broker-late", 50);
        await AddAsync(services, [late], ct);
        Assert.Equal(1, (await RunBatchAsync(coordinator, ct)).Proposals);

        var proposed = await ReadAsync(services, db => db.Proposals.Where(p => p.DemandId == demand.Id).ToListAsync(ct));
        Assert.Equal(first.Id, Assert.Single(proposed, p => p.ProviderId == providers[0].Id).Id);
        Assert.Equal(ProposalState.Declined, proposed.Single(p => p.Id == first.Id).State);
        Assert.Equal(new[] { providers[1].Id, providers[2].Id, late.Id }.Order(), proposed.Where(p => p.Id != first.Id).Select(p => p.ProviderId).Order());
        Assert.Equal(DemandState.Matched, (await ReadAsync(services, db => db.Demands.SingleAsync(d => d.Id == demand.Id, ct))).State);
    }

    [Fact]
    public async Task Approval_makes_a_provider_a_candidate_and_suspension_takes_them_out_of_candidates_and_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var approved = Broker("broker-approved", 50);
        var applicant = Provider.Create("broker-applicant", new Provider.Profile(
            "经纪人 申请中", "broker", "测试孵化器", "incubator", null, [], [.. Vocabulary.Domains.Codes], ["financing"], [.. Vocabulary.Stages.Codes], ["zh"],
            50, true, 3, null), ProviderStatus.Pending, Now);
        var demand = TierA("talent-status");
        await AddAsync(services, [approved, applicant, demand], ct);
        using var coordinator = host.ClientAs(TestTokens.Operator("matching"));

        Assert.Equal([approved.Id], await CandidatesAsync(coordinator, demand.Id, ct));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/matching/providers/{applicant.Id}/approve", null, ct)).StatusCode);
        Assert.Equal(new[] { approved.Id, applicant.Id }.Order(), (await CandidatesAsync(coordinator, demand.Id, ct)).Order());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/matching/providers/{approved.Id}/suspend", null, ct)).StatusCode);
        Assert.Equal([applicant.Id], await CandidatesAsync(coordinator, demand.Id, ct));

        Assert.Equal(1, (await RunBatchAsync(coordinator, ct)).Proposals);
        var proposal = Assert.Single(await ReadAsync(services, db => db.Proposals.Where(p => p.DemandId == demand.Id).ToListAsync(ct)));
        Assert.Equal(applicant.Id, proposal.ProviderId);
    }

    [Fact]
    public async Task A_batch_beyond_its_pair_limit_takes_tier_A_first_then_urgent_then_oldest_and_the_rest_wait_for_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        // Four providers and eight pairs: two demands fit in a batch.
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching", ("Matching:Batch:MostPairs", "8"));
        var services = host.Factory.Services;
        var demands = new Dictionary<string, Demand>
        {
            ["A high, 30 min"] = Register("a-high-older", "distinguished", "high", 30),
            ["A high, 10 min"] = Register("a-high-newer", "distinguished", "high", 10),
            ["A low, 100 min"] = Register("a-low-oldest", "leading", "low", 100),
            ["C high, 50 min"] = Register("c-high", null, "high", 50),
            ["B high, 40 min"] = Register("b-high", "high-level", "high", 40),
            ["B low, 60 min"] = Register("b-low", "high-level", "low", 60),
        };
        await AddAsync(services, [.. Enumerable.Range(0, 4).Select(i => Broker($"broker-{i}", 50)), .. demands.Values], ct);
        using var coordinator = host.ClientAs(TestTokens.Operator("matching"));

        string[][] expected = [["A high, 30 min", "A high, 10 min"], ["A low, 100 min", "C high, 50 min"], ["B high, 40 min", "B low, 60 min"]];
        for (var round = 0; round < expected.Length; round++)
        {
            var batch = await RunBatchAsync(coordinator, ct);
            Assert.Equal((2, 4 - 2 * round), (batch.Demands, batch.DemandsWaiting));
            var served = await ReadAsync(services, db => db.Proposals.Where(p => p.BatchId == batch.BatchId).Select(p => p.DemandId).Distinct().ToListAsync(ct));
            Assert.Equal(expected[round].Select(name => demands[name].Id).Order(), served.Order());
        }

        var last = await RunBatchAsync(coordinator, ct);
        Assert.Equal((0, 0, 0), (last.Demands, last.DemandsWaiting, last.Proposals));
    }

    private static Demand Register(string client, string? designation, string urgency, int minutesAgo) => Demand.Register(client, client, "talent",
        new Demand.Registration(["biomedicine"], "pilot", ["financing"], "融资对接（测试）", "zh", urgency, designation, null, null, null, null, null),
        new TierOptions(), Now.AddMinutes(-minutesAgo));

    private static async Task<List<Guid>> CandidatesAsync(HttpClient client, Guid demand, CancellationToken ct)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/matching/demands/{demand}/candidates?top=50", ct);
        return [.. list.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("provider").GetProperty("id").GetGuid())];
    }

    private sealed record Batch(Guid BatchId, int Demands, int DemandsWaiting, int Proposals);

    private static async Task<Batch> RunBatchAsync(HttpClient client, CancellationToken ct)
    {
        var answer = await client.PostAsync("/api/matching/batches", null, ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<Batch>(ct))!;
    }
}
