using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Contracts.Matching;
using Talent.Http;
using Talent.Matching.Demands;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.Messaging.Metrics;
using Talent.Messaging.Outbox;
using static Talent.Matching.Actors;

namespace Talent.Matching.Engagements;

/// <summary>
/// A provider's proposals from the batches: listed with their demands, accepted (an engagement starts) or declined (the
/// provider is never proposed for that demand again, and the demand is open again).
/// </summary>
public static class ProposalsApi
{
    public sealed record DecideRequest(string? Reason);

    public sealed record ProposedDemand(string ClientName, string ClientKind, List<string> Domains, string Stage, List<string> ServiceTypes, string Description, string Tier, string Urgency);

    public sealed record ProposalView(Guid Id, Guid DemandId, int Score, ProposalState State, DateTimeOffset ProposedAt, DateTimeOffset? DecidedAt, ProposedDemand? Demand);

    public sealed record ProposalDecided(Guid Id, ProposalState State);

    /// <summary>A proposal to a market organisation, for the operators who answer for it.</summary>
    public sealed record MarketProposalView(ProposalView Proposal, string ProviderName, string Organisation);

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Proposals");
        api.MapGet("/proposals/mine", MineAsync).RequireAuthorization(MatchingPolicies.Provider).WithName("MyProposals")
            .WithSummary("The calling provider's proposals, newest first (at most 100), each with its demand.");
        api.MapGet("/proposals/market", MarketAsync).RequireAuthorization(MatchingPolicies.Operator).WithName("MarketProposals")
            .WithSummary("Operators: the proposals to market organisations (no account here), waiting ones first, each with its demand and organisation.");
        api.MapPost("/proposals/{id:guid}/accept", AcceptAsync).RequireAuthorization(MatchingPolicies.Responder).WithName("AcceptProposal")
            .WithSummary("The provider takes the demand on: an engagement starts, its first contact due by the tier's deadline; 409 when decided already or at capacity.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/proposals/{id:guid}/decline", DeclineAsync).RequireAuthorization(MatchingPolicies.Responder).WithName("DeclineProposal")
            .WithSummary("The provider declines: never proposed for this demand again, which is open for the next batch.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<List<ProposalView>>> MineAsync([AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var subject = ActorOf(call.User);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == subject, ct);
        if (provider is null)
        {
            return TypedResults.Ok(new List<ProposalView>());
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.ProviderId == provider.Id).OrderByDescending(p => p.ProposedAt).Take(100).ToListAsync(ct);
        var demandIds = proposals.Select(p => p.DemandId).ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return TypedResults.Ok(proposals.Select(p => new ProposalView(p.Id, p.DemandId, p.Score, p.State, p.ProposedAt, p.DecidedAt,
            demands.GetValueOrDefault(p.DemandId) is { } d ? new ProposedDemand(d.ClientName, d.ClientKind, d.Domains, d.Stage, d.ServiceTypes, d.Description, d.Tier, d.Urgency) : null)).ToList());
    }

    private static async Task<Results<Ok<Engagement>, NotFound, ProblemHttpResult>> AcceptAsync(Guid id, [AsParameters] MatchingRequest call)
    {
        if (await FindMineAsync(id, call) is not (var proposal, var provider, var demand))
        {
            return TypedResults.NotFound();
        }

        var (db, now, ct) = (call.Db, call.Time.GetUtcNow(), call.Cancellation);
        if (!proposal.Accept(now))
        {
            return AlreadyDecided(proposal);
        }

        var engagement = Engagement.Start(proposal, demand, provider, await ReadModels.CalendarCopy.CalendarAsync(db, ct), now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The place is taken in one statement that checks it is free: concurrent accepts queue on the provider's row, and
        // once it is full the rest find no free place. Nothing else writes the load, so no stale copy overwrites it.
        if (await db.Providers.Where(p => p.Id == provider.Id && p.Load < p.Capacity).ExecuteUpdateAsync(s => s.SetProperty(p => p.Load, p => p.Load + 1), ct) == 0)
        {
            return Problems.Of(StatusCodes.Status409Conflict, $"You serve {provider.Capacity} engagements at once already: close one first. 服务数量已达上限。");
        }

        db.Engagements.Add(engagement);
        db.RecordEvent(new EngagementStarted(Guid.CreateVersion7(now), now, engagement.Id, demand.Id, demand.ClientId, provider.Id, provider.Team, engagement.FirstContactDueOn));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The proposal was accepted or declined meanwhile (its row version, or the one engagement per proposal).
            return DecidedMeanwhile();
        }

        return TypedResults.Ok(engagement);
    }

    private static async Task<Results<Ok<ProposalDecided>, ValidationProblem, NotFound, ProblemHttpResult>> DeclineAsync(Guid id, DecideRequest request, [AsParameters] MatchingRequest call, BusinessMeters meters)
    {
        if (request.Reason is { Length: > Proposal.ReasonMaxLength })
        {
            return Problems.Invalid("reason", $"At most {Proposal.ReasonMaxLength} characters. 不超过 {Proposal.ReasonMaxLength} 字。");
        }

        if (await FindMineAsync(id, call) is not (var proposal, var provider, var demand))
        {
            return TypedResults.NotFound();
        }

        if (!proposal.Decline(request.Reason?.Trim(), call.Time.GetUtcNow()))
        {
            return AlreadyDecided(proposal);
        }

        // Declines feed back into the next round: never proposed again for this demand, which is open again.
        demand.DeclinedBy(provider.Id);
        if (demand.State == DemandState.Matched)
        {
            demand.Reopen();
        }

        try
        {
            await call.Db.SaveChangesAsync(call.Cancellation);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The proposal or its demand changed meanwhile (an accept, or a batch that matched the demand): nothing written.
            return DecidedMeanwhile();
        }

        meters.Add(MatchingMeters.ProposalsDeclined, tags: new() { { "team", provider.Team } });
        return TypedResults.Ok(new ProposalDecided(proposal.Id, proposal.State));
    }

    private static async Task<Ok<List<MarketProposalView>>> MarketAsync([AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var rows = await (from proposal in db.Proposals.AsNoTracking()
                          join provider in db.Providers.AsNoTracking() on proposal.ProviderId equals provider.Id
                          where provider.Team == "market" && provider.UserId == null
                          orderby proposal.State != ProposalState.Proposed, proposal.ProposedAt descending
                          select new { proposal, provider.Name, provider.Organisation }).Take(100).ToListAsync(ct);
        var demandIds = rows.Select(r => r.proposal.DemandId).ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return TypedResults.Ok(rows.Select(r => new MarketProposalView(
            new ProposalView(r.proposal.Id, r.proposal.DemandId, r.proposal.Score, r.proposal.State, r.proposal.ProposedAt, r.proposal.DecidedAt,
                demands.GetValueOrDefault(r.proposal.DemandId) is { } d ? new ProposedDemand(d.ClientName, d.ClientKind, d.Domains, d.Stage, d.ServiceTypes, d.Description, d.Tier, d.Urgency) : null),
            r.Name, r.Organisation)).ToList());
    }

    /// <summary>
    /// The proposal, its provider and its demand, when the caller answers for the provider: the provider themselves, or an
    /// operator for a market organisation without an account here (the answer in the audit trail); otherwise not found.
    /// </summary>
    private static async Task<(Proposal Proposal, Provider Provider, Demand Demand)?> FindMineAsync(Guid id, MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id, ct);
        var provider = proposal is null ? null : await db.Providers.SingleOrDefaultAsync(p => p.Id == proposal.ProviderId, ct);
        var onBehalf = provider is { UserId: null, Team: "market" } && call.User.IsInRole("operator");
        if (proposal is null || provider is null || (provider.UserId != ActorOf(call.User) && !onBehalf))
        {
            return null;
        }

        if (onBehalf)
        {
            db.Audit.Add(Audit.AuditEntry.Of(call.User, "proposal.answered-for-market", proposal.Id.ToString(), null, new { provider = provider.Name }, call.Time.GetUtcNow()));
        }

        return (proposal, provider, await db.Demands.SingleAsync(d => d.Id == proposal.DemandId, ct));
    }

    private static ProblemHttpResult AlreadyDecided(Proposal proposal) =>
        Problems.Of(StatusCodes.Status409Conflict, $"The proposal is {proposal.State} already. 该推荐已处理。");

    private static ProblemHttpResult DecidedMeanwhile() =>
        Problems.Of(StatusCodes.Status409Conflict, "The proposal or its demand changed meanwhile; read your proposals again. 该推荐已被处理或需求已变化，请刷新后重试。");
}
