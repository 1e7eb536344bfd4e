using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Matching.Engagements;
using Talent.Matching.Providers;
using static Talent.Matching.Actors;

namespace Talent.Matching.Matching;

/// <summary>One demand's ranked candidates, each with every component of its score, for the demand's owner and coordinators.</summary>
public static class CandidatesApi
{
    public sealed record Candidate(int Rank, ProviderView Provider, int Score, IReadOnlyList<ScoreComponent> Components);

    public sealed record CandidateList(Guid DemandId, string Tier, string TierReason, int ProvidersWanted, IReadOnlyList<Candidate> Candidates);

    public static IEndpointRouteBuilder MapCandidatesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/matching").WithTags("Matching")
            .MapGet("/demands/{id:guid}/candidates", CandidatesAsync).RequireAuthorization(MatchingPolicies.Candidates).WithName("DemandCandidates")
            .WithSummary("Ranked candidates with every score component (the demand's owner, commissioners, operators). ?top=10")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<CandidateList>, ValidationProblem, NotFound>> CandidatesAsync(Guid id, int? top, [AsParameters] MatchingRequest call)
    {
        if (top is < 1 or > 50)
        {
            return Problems.Invalid("top", "1 to 50. 候选数量为 1 至 50。");
        }

        var db = call.Db;
        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, call.Cancellation);
        // Somebody else's demand is not there for a person: 404, not 403.
        if (demand is null || (demand.ClientId != ActorOf(call.User) && !Coordinates(call.User)))
        {
            return TypedResults.NotFound();
        }

        var providers = await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Approved && p.Available).ToListAsync(call.Cancellation);
        var pending = await db.Proposals.PendingPerProviderAsync(call.Cancellation);
        var facts = demand.Facts();
        var ranked = providers
            .Where(p => !demand.Excludes(p.Id))
            .Select(p => (Provider: p, Facts: p.Facts(pending.GetValueOrDefault(p.Id))))
            .Select(x => (x.Provider, x.Facts, Score: Scoring.Points(facts, x.Facts)))
            .Where(x => x.Score >= 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Provider.Id)
            .Take(top ?? 10)
            .Select((x, i) => new Candidate(i + 1, ProviderView.Of(x.Provider), x.Score, Scoring.Explain(facts, x.Facts)))
            .ToList();
        return TypedResults.Ok(new CandidateList(demand.Id, demand.Tier, demand.TierReason, demand.ProvidersWanted, ranked));
    }
}
