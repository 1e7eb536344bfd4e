using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Talent.Contracts.Matching;
using Talent.Http;
using Talent.Matching.Audit;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Providers;
using Talent.Messaging.Outbox;

namespace Talent.Matching.Matching;

/// <summary>
/// A batch (commissioners, operators): every open demand assigned at once by <see cref="Assignment.Exact"/>, the pairs
/// proposed (<c>MatchProposed</c>), and the greedy baseline's total reported beside the exact one. One batch at a time
/// (a second answers 409); a demand that changed while the batch ran (a decline) waits for the next batch.
/// </summary>
public static class BatchesApi
{
    public sealed record BatchResult(
        Guid BatchId, int Demands, int DemandsWaiting, int Providers, int Proposals, long Total, long GreedyTotal, double? ExactOverGreedy, int Rounds, long Milliseconds,
        int DemandsChanged);

    /// <summary>A proposal of a batch as operators review it: the demand in brief, the provider, the score and its parts (from today's facts).</summary>
    public sealed record BatchProposal(
        Guid Id, Guid DemandId, string Tier, string Urgency, string Stage, string Language, IReadOnlyList<string> Domains, IReadOnlyList<string> ServiceTypes,
        ProviderView Provider, int Score, ProposalState State, IReadOnlyList<ScoreComponent> Components);

    /// <summary>The audit subject of one batch: its figures are kept there, written with its proposals.</summary>
    public static string SubjectOf(Guid batch) => $"batch:{batch}";

    /// <summary>The transaction-scoped advisory lock a batch holds from its first read to its commit.</summary>
    private const long BatchLock = 0x4D_A7C4_BA7C;

    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/matching").WithTags("Matching")
            .MapPost("/batches", RunAsync)
            .RequireAuthorization(MatchingPolicies.Coordinator).WithName("RunBatch")
            .WithSummary("Assigns every open demand at once by the exact method (greedy total reported alongside) and proposes the pairs; 409 while another batch runs.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        routes.MapGroup("/api/matching").WithTags("Matching")
            .MapGet("/batches/{id:guid}/proposals", ProposalsAsync)
            .RequireAuthorization(MatchingPolicies.Operator).WithName("BatchProposals")
            .WithSummary("Operators: a batch's proposals, best score first, each with the demand in brief, the provider and every component of the score (computed from today's facts; the score is the batch's). The batch's figures are in the audit trail under subject batch:{id}.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<BatchResult>, ProblemHttpResult>> RunAsync(IOptions<BatchOptions> options, [AsParameters] MatchingRequest call)
    {
        var clock = Stopwatch.StartNew();
        var (db, time, ct) = (call.Db, call.Time, call.Cancellation);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two batches reading the same open demands would propose the same pairs. The second is turned away rather than
        // queued: it would only find what the first left, and a client can run it again when the first has finished.
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({BatchLock}) AS \"Value\"").SingleAsync(ct))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "A batch is running; run the next one when it has finished. 正在进行批量匹配，请稍后再试。");
        }

        var demands = await db.Demands.Where(d => d.State == DemandState.Open).OrderByDescending(d => d.Tier == "A").ThenByDescending(d => d.Urgency == "high").ThenBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var providers = await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Approved && p.Available).OrderBy(p => p.Id).ToListAsync(ct);

        // One batch scores every pair once: the most pressing demands that fit; the rest wait for the next batch.
        var fits = options.Value.DemandsFitting(demands.Count, providers.Count);
        var waiting = demands.Count - fits;
        demands = demands.Take(fits).ToList();
        var ids = demands.Select(d => d.Id).ToList();
        var existing = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.DemandId)).Select(p => new { p.DemandId, p.ProviderId, p.State }).ToListAsync(ct);
        // A pair is proposed once, whatever became of it (the unique index says so too).
        var taken = existing.Select(e => (e.DemandId, e.ProviderId)).ToHashSet();
        var pending = await db.Proposals.PendingPerProviderAsync(ct);
        var proposed = existing.Where(e => e.State != ProposalState.Declined).GroupBy(e => e.DemandId).ToDictionary(g => g.Key, g => g.Count());
        var need = demands.Select(d => Math.Max(0, d.ProvidersWanted - proposed.GetValueOrDefault(d.Id))).ToArray();
        var providerFacts = providers.Select(p => p.Facts(pending.GetValueOrDefault(p.Id))).ToArray();
        var capacity = providerFacts.Select(f => f.Eligible ? Math.Max(0, f.Capacity - f.Load) : 0).ToArray();
        var demandFacts = demands.Select(d => d.Facts()).ToArray();
        int Score(int d, int p) => demands[d].Excludes(providers[p].Id) || taken.Contains((demands[d].Id, providers[p].Id)) ? -1 : Scoring.Points(demandFacts[d], providerFacts[p]);

        var exact = Assignment.Exact(need, capacity, Score);
        var greedy = Assignment.Greedy(need, capacity, Score);
        var changed = await LockUnchangedAsync(db, [.. exact.Pairs.Select(p => demands[p.Demand]).Distinct()], ct);
        var pairs = exact.Pairs.Where(p => !changed.Contains(demands[p.Demand].Id)).ToList();
        var now = time.GetUtcNow();
        var batch = Guid.CreateVersion7(now);
        foreach (var pair in pairs)
        {
            var proposal = Proposal.For(demands[pair.Demand].Id, providers[pair.Provider].Id, pair.Score, batch, now);
            db.Proposals.Add(proposal);
            db.RecordEvent(new MatchProposed(Guid.CreateVersion7(now), now, proposal.Id, proposal.DemandId, proposal.ProviderId, providers[pair.Provider].Team, pair.Score, batch, providers[pair.Provider].UserId));
        }

        var given = new int[demands.Count];
        pairs.ForEach(pair => given[pair.Demand]++);
        for (var d = 0; d < demands.Count; d++)
        {
            if (need[d] > 0 && given[d] >= need[d])
            {
                demands[d].Matched();
            }
        }

        var result = new BatchResult(batch, demands.Count, waiting, providers.Count, pairs.Count, exact.Total, greedy.Total,
            greedy.Total == 0 ? null : Math.Round((double)exact.Total / greedy.Total, 4), exact.Rounds, clock.ElapsedMilliseconds, changed.Count);
        db.Audit.Add(AuditEntry.Of(call.User, "batch.run", SubjectOf(batch), null, result, now));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The net under the lock and the check: nothing was written.
            return Problems.Of(StatusCodes.Status409Conflict, "The open demands changed while the batch ran; run it again. 需求在匹配期间发生变化，请重新运行。");
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<List<BatchProposal>>, NotFound>> ProposalsAsync(Guid id, [AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.BatchId == id).OrderByDescending(p => p.Score).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        if (proposals.Count == 0 && !await db.Audit.AnyAsync(a => a.Subject == SubjectOf(id), ct))
        {
            return TypedResults.NotFound();
        }

        var demandIds = proposals.Select(p => p.DemandId).Distinct().ToList();
        var providerIds = proposals.Select(p => p.ProviderId).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var pending = await db.Proposals.PendingPerProviderAsync(ct);
        return TypedResults.Ok(proposals
            .Where(p => demands.ContainsKey(p.DemandId) && providers.ContainsKey(p.ProviderId))
            .Select(p =>
            {
                var (demand, provider) = (demands[p.DemandId], providers[p.ProviderId]);
                return new BatchProposal(p.Id, demand.Id, demand.Tier, demand.Urgency, demand.Stage, demand.Language, demand.Domains, demand.ServiceTypes, ProviderView.Of(provider), p.Score,
                    p.State, Scoring.Explain(demand.Facts(), provider.Facts(pending.GetValueOrDefault(provider.Id))));
            })
            .ToList());
    }

    /// <summary>
    /// Locks the demands the batch is about to write until it commits, and returns those that changed since they were read
    /// (a decline came in): the batch leaves them to the next one instead of overwriting what the person or provider did.
    /// A change after this waits for the commit, then finds the row changed and answers 409.
    /// </summary>
    private static async Task<HashSet<Guid>> LockUnchangedAsync(Data.MatchingDbContext db, List<Demand> demands, CancellationToken ct)
    {
        var ids = demands.Select(d => d.Id).Order().ToList();
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM demands WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", ct);
        var now = await db.Demands.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Version = EF.Property<uint>(d, "Version") }).ToDictionaryAsync(d => d.Id, d => d.Version, ct);
        return [.. demands.Where(d => now.GetValueOrDefault(d.Id) != db.Entry(d).Property<uint>("Version").OriginalValue).Select(d => d.Id)];
    }
}
