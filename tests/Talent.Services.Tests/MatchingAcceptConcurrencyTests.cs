extern alias matching;
using System.Net;
using matching::Talent.Matching.Engagements;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Talent.Services.Tests.MatchingTestData;

namespace Talent.Services.Tests;

/// <summary>Accepts racing for one provider's places, or for one proposal: never a 500, never past the provider's capacity.</summary>
[Collection(MatchingTestData.Collection)]
public sealed class MatchingAcceptConcurrencyTests
{
    [Fact]
    public async Task Concurrent_accepts_of_one_provider_s_proposals_fill_its_capacity_exactly_and_the_rest_answer_409()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var provider = Broker("broker-busy", capacity: 3);
        var demands = Enumerable.Range(0, 12).Select(i => TierA($"talent-{i}", i)).ToList();
        var proposals = demands.Select(d => Proposal.For(d.Id, provider.Id, 500, null, Now)).ToList();
        await AddAsync(services, [provider, .. demands, .. proposals], ct);

        using var broker = host.ClientAs(TestTokens.For(provider.UserId!, "matching", ["broker"]));
        var answers = await Task.WhenAll(proposals.Select(p => broker.PostAsync($"/api/matching/proposals/{p.Id}/accept", null, ct)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType));
        Assert.Equal(3, await ReadAsync(services, db => db.Providers.Where(p => p.Id == provider.Id).Select(p => p.Load).SingleAsync(ct)));
        Assert.Equal(3, await ReadAsync(services, db => db.Engagements.CountAsync(e => e.ProviderId == provider.Id, ct)));
        Assert.Equal(3, await ReadAsync(services, db => db.Proposals.CountAsync(p => p.ProviderId == provider.Id && p.State == ProposalState.Accepted, ct)));
    }

    [Fact]
    public async Task Concurrent_accepts_of_one_proposal_start_one_engagement_and_the_rest_answer_409()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ServiceHost<matching::Program>.StartAsync("matching");
        var services = host.Factory.Services;
        var provider = Broker("broker-keen", capacity: 20);
        var demand = TierA("talent-1");
        var proposal = Proposal.For(demand.Id, provider.Id, 500, null, Now);
        await AddAsync(services, [provider, demand, proposal], ct);

        using var broker = host.ClientAs(TestTokens.For(provider.UserId!, "matching", ["broker"]));
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => broker.PostAsync($"/api/matching/proposals/{proposal.Id}/accept", null, ct)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, await ReadAsync(services, db => db.Providers.Where(p => p.Id == provider.Id).Select(p => p.Load).SingleAsync(ct)));
        Assert.Equal(1, await ReadAsync(services, db => db.Engagements.CountAsync(e => e.ProposalId == proposal.Id, ct)));
    }
}
