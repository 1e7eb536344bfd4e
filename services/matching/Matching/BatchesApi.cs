using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Matching;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Providers;
using Talent.Messaging.Outbox;

namespace Talent.Matching.Matching;

/// <summary>
/// A batch (commissioners, operators): every open demand assigned at once by <see cref="Assignment.Exact"/>, the pairs
/// proposed (<c>MatchProposed</c>), and the greedy baseline's total reported beside the exact one.
/// </summary>
public static class BatchesApi
{
    public sealed record BatchResult(Guid BatchId, int Demands, int DemandsWaiting, int Providers, int Proposals, long Total, long GreedyTotal, double? ExactOverGreedy, int Rounds, long Milliseconds);

    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/matching").WithTags("Matching")
            .MapPost("/batches", RunAsync)
            .RequireAuthorization(MatchingPolicies.Coordinator).WithName("RunBatch")
            .WithSummary("Assigns every open demand at once by the exact method (greedy total reported alongside) and proposes the pairs.");
        return routes;
    }

    private static async Task<Ok<BatchResult>> RunAsync([AsParameters] MatchingRequest call)
    {
        var clock = Stopwatch.StartNew();
        var (db, time, ct) = (call.Db, call.Time, call.Cancellation);
        var demands = await db.Demands.Where(d => d.State == DemandState.Open).OrderByDescending(d => d.Tier == "A").ThenByDescending(d => d.Urgency == "high").ThenBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var providers = await db.Providers.Where(p => p.Status == ProviderStatus.Approved && p.Available).OrderBy(p => p.Id).ToListAsync(ct);

        // One batch scores every pair once: the most pressing demands that fit; the rest wait for the next batch.
        var fits = (int)Math.Min(Math.Max(0, Assignment.MostNodes - providers.Count), Assignment.MostPairs / Math.Max(1, providers.Count));
        var waiting = Math.Max(0, demands.Count - fits);
        demands = demands.Take(fits).ToList();
        var ids = demands.Select(d => d.Id).ToList();
        var existing = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.DemandId) && p.State != ProposalState.Declined).Select(p => new { p.DemandId, p.ProviderId }).ToListAsync(ct);
        var taken = existing.Select(e => (e.DemandId, e.ProviderId)).ToHashSet();
        var pending = await db.Proposals.PendingPerProviderAsync(ct);
        var proposed = existing.GroupBy(e => e.DemandId).ToDictionary(g => g.Key, g => g.Count());
        var need = demands.Select(d => Math.Max(0, d.ProvidersWanted - proposed.GetValueOrDefault(d.Id))).ToArray();
        var providerFacts = providers.Select(p => p.Facts(pending.GetValueOrDefault(p.Id))).ToArray();
        var capacity = providerFacts.Select(f => f.Eligible ? Math.Max(0, f.Capacity - f.Load) : 0).ToArray();
        var demandFacts = demands.Select(d => d.Facts()).ToArray();
        int Score(int d, int p) => demands[d].Excludes(providers[p].Id) || taken.Contains((demands[d].Id, providers[p].Id)) ? -1 : Scoring.Points(demandFacts[d], providerFacts[p]);

        var exact = Assignment.Exact(need, capacity, Score);
        var greedy = Assignment.Greedy(need, capacity, Score);
        var now = time.GetUtcNow();
        var batch = Guid.CreateVersion7(now);
        foreach (var pair in exact.Pairs)
        {
            var proposal = Proposal.For(demands[pair.Demand].Id, providers[pair.Provider].Id, pair.Score, batch, now);
            db.Proposals.Add(proposal);
            db.RecordEvent(new MatchProposed(Guid.CreateVersion7(now), now, proposal.Id, proposal.DemandId, proposal.ProviderId, providers[pair.Provider].Team, pair.Score, batch));
        }

        var given = new int[demands.Count];
        foreach (var pair in exact.Pairs)
        {
            given[pair.Demand]++;
        }

        for (var d = 0; d < demands.Count; d++)
        {
            if (need[d] > 0 && given[d] >= need[d])
            {
                demands[d].Matched();
            }
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new BatchResult(batch, demands.Count, waiting, providers.Count, exact.Pairs.Count, exact.Total, greedy.Total,
            greedy.Total == 0 ? null : Math.Round((double)exact.Total / greedy.Total, 4), exact.Rounds, clock.ElapsedMilliseconds));
    }
}
