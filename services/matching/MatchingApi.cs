using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Matching;
using Talent.Matching.Data;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;

namespace Talent.Matching;

/// <summary>
/// The three service teams, demands with tiers, explainable candidates, exact batch assignment, proposals and engagements.
/// People see their demands, proposals and engagements; providers the proposals and engagements that are theirs;
/// commissioners and operators run batches and see all.
/// </summary>
public static class MatchingApi
{
    public const string UserPolicy = "matching-user";
    public const string ClientPolicy = "matching-client";
    public const string ProviderPolicy = "matching-provider";
    public const string CoordinatorPolicy = "matching-coordinator";
    public const string OperatorPolicy = "matching-operator";
    public const int MaxPageSize = 100;

    public sealed record ProviderView(Guid Id, string Name, string Team, string Organisation, string OrganisationKind, string? Department, IReadOnlyList<string> PolicyAreas,
        IReadOnlyList<string> Domains, IReadOnlyList<string> ServiceTypes, IReadOnlyList<string> Stages, IReadOnlyList<string> Languages, int Capacity, int Load, bool Available,
        int Seniority, ProviderStatus Status, double? Rating, int Ratings, string? Introduction);

    public sealed record Candidate(int Rank, ProviderView Provider, int Score, IReadOnlyList<ScoreComponent> Components);

    public sealed record DecideRequest(string? Reason);

    public sealed record MilestoneRequest(string? Milestone, string? Note, string? Outcome);

    public sealed record BatchResult(Guid BatchId, int Demands, int DemandsWaiting, int Providers, int Proposals, long Total, long GreedyTotal, double? ExactOverGreedy, int Rounds, long Milliseconds);

    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Matching");
        api.MapGet("/providers", ListProvidersAsync).RequireAuthorization(UserPolicy).WithName("ListProviders")
            .WithSummary("Approved providers (operators: all). ?team=&domain=&serviceType=&page=&pageSize=");
        api.MapGet("/providers/me", MyProfileAsync).RequireAuthorization(ProviderPolicy).WithName("MyProviderProfile");
        api.MapPut("/providers/me", EditProfileAsync).RequireAuthorization(ProviderPolicy).WithName("EditMyProviderProfile")
            .WithSummary("A provider's own profile; a new one waits for an operator's approval.");
        api.MapPost("/providers/{id:guid}/approve", (Guid id, MatchingDbContext db, TimeProvider time, CancellationToken ct) => SetStatusAsync(id, true, db, time, ct))
            .RequireAuthorization(OperatorPolicy).WithName("ApproveProvider");
        api.MapPost("/providers/{id:guid}/suspend", (Guid id, MatchingDbContext db, TimeProvider time, CancellationToken ct) => SetStatusAsync(id, false, db, time, ct))
            .RequireAuthorization(OperatorPolicy).WithName("SuspendProvider");
        api.MapPost("/demands", RegisterAsync).RequireAuthorization(ClientPolicy).WithName("RegisterDemand")
            .WithSummary("A demand (摸底调研); its tier sets how many providers, how senior, and the first-contact deadline.");
        api.MapGet("/demands/mine", MyDemandsAsync).RequireAuthorization(ClientPolicy).WithName("MyDemands");
        api.MapGet("/demands/{id:guid}/candidates", CandidatesAsync).RequireAuthorization(UserPolicy).WithName("DemandCandidates")
            .WithSummary("Ranked candidates with every score component (the demand's owner, commissioners, operators). ?top=10");
        api.MapPost("/batches", BatchAsync).RequireAuthorization(CoordinatorPolicy).WithName("RunBatch")
            .WithSummary("Assigns every open demand at once by the exact method (greedy total reported alongside) and proposes the pairs.");
        api.MapGet("/proposals/mine", MyProposalsAsync).RequireAuthorization(ProviderPolicy).WithName("MyProposals");
        api.MapPost("/proposals/{id:guid}/accept", (Guid id, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) => DecideAsync(id, null, true, user, db, time, ct))
            .RequireAuthorization(ProviderPolicy).WithName("AcceptProposal");
        api.MapPost("/proposals/{id:guid}/decline", (Guid id, DecideRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct) => DecideAsync(id, request.Reason, false, user, db, time, ct))
            .RequireAuthorization(ProviderPolicy).WithName("DeclineProposal");
        api.MapGet("/engagements/mine", MyEngagementsAsync).RequireAuthorization(UserPolicy).WithName("MyEngagements");
        api.MapPost("/engagements/{id:guid}/milestones", MilestoneAsync).RequireAuthorization(ProviderPolicy).WithName("RecordMilestone")
            .WithSummary("firstContact → planAgreed → serviceDelivered → outcomeRecorded (outcome: financing, contract, technology-transfer, policy-benefit, other) → closed.");
        api.MapGet("/vocabularies", () => TypedResults.Ok(new
        {
            domains = Vocabulary.Domains.Terms.Select(t => new { code = t.Code, zh = t.Zh, en = t.En }),
            serviceTypes = Vocabulary.ServiceTypes.Terms.Select(t => new { code = t.Code, zh = t.Zh, en = t.En }),
            stages = Vocabulary.Stages.Terms.Select(t => new { code = t.Code, zh = t.Zh, en = t.En }),
            languages = Vocabulary.Languages.Terms.Select(t => new { code = t.Code, zh = t.Zh, en = t.En }),
        })).AllowAnonymous().WithName("MatchingVocabularies"); // public lists of codes
        return routes;
    }

    private static string Subject(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";

    private static bool Coordinates(ClaimsPrincipal user) => user.IsInRole("operator") || user.IsInRole("commissioner");

    public static ProviderView View(Provider p) => new(p.Id, p.Name, p.Team, p.Organisation, p.OrganisationKind, p.Department, p.PolicyAreas, p.Domains, p.ServiceTypes, p.Stages,
        p.Languages, p.Capacity, p.Load, p.Available, p.Seniority, p.Status, p.AverageRating, p.RatingCount, p.Introduction);

    private static IResult? Paging(int? page, int? pageSize) =>
        page is < 1 ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["1 or more. 页码从 1 开始。"] })
        : pageSize is < 1 or > MaxPageSize ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"1 to {MaxPageSize}. 每页 1 至 {MaxPageSize} 条。"] })
        : null;

    private static async Task<IResult> ListProvidersAsync(string? team, string? domain, string? serviceType, int? page, int? pageSize, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }

        var query = db.Providers.AsNoTracking();
        if (!user.IsInRole("operator"))
        {
            query = query.Where(p => p.Status == ProviderStatus.Approved);
        }

        if (team is not null)
        {
            query = query.Where(p => p.Team == team);
        }

        if (domain is not null)
        {
            query = query.Where(p => p.Domains.Contains(domain));
        }

        if (serviceType is not null)
        {
            query = query.Where(p => p.ServiceTypes.Contains(serviceType));
        }

        var size = pageSize ?? 20;
        var number = page ?? 1;
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Team).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new { items = items.Select(View), page = number, pageSize = size, total });
    }

    private static async Task<IResult> MyProfileAsync(ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var subject = Subject(user);
        return await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == subject, ct) is { } mine ? TypedResults.Ok(View(mine)) : TypedResults.NotFound();
    }

    private static async Task<IResult> EditProfileAsync(Provider.Profile profile, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = Provider.Validate(profile);
        if (profile.Team is not null && !user.IsInRole(profile.Team))
        {
            errors["team"] = ["Your own team only. 只能填写本人所属团队。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = Subject(user);
        var now = time.GetUtcNow();
        var mine = await db.Providers.SingleOrDefaultAsync(p => p.UserId == subject, ct);
        if (mine is null)
        {
            mine = Provider.Create(subject, profile, ProviderStatus.Pending, now);
            db.Providers.Add(mine);
        }
        else
        {
            mine.Edit(profile, now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(mine));
    }

    private static async Task<IResult> SetStatusAsync(Guid id, bool approve, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        if (approve)
        {
            provider.Approve(time.GetUtcNow());
        }
        else
        {
            provider.Suspend(time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(provider));
    }

    private static async Task<IResult> RegisterAsync(Demand.Registration registration, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, IOptions<TierOptions> tiers, CancellationToken ct)
    {
        var errors = Demand.Validate(registration);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = Subject(user);
        if (await db.Demands.CountAsync(d => d.ClientId == subject && d.State != DemandState.Closed, ct) >= 20)
        {
            return TypedResults.Problem(title: "At most 20 open demands per person. 每人最多 20 个未结束的需求。", statusCode: StatusCodes.Status409Conflict);
        }

        var now = time.GetUtcNow();
        var kind = user.FindFirstValue("applicant_kind") ?? user.FindFirstValue("kind") ?? "talent";
        var demand = Demand.Register(subject, user.FindFirstValue("name") ?? subject, kind == "enterprise" ? "enterprise" : "talent", registration, tiers.Value, now);
        db.Demands.Add(demand);
        db.RecordEvent(new DemandRegistered(Guid.CreateVersion7(now), now, demand.Id, demand.ClientId, demand.ClientKind, demand.Domains, demand.Stage, demand.ServiceTypes, demand.Tier));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/matching/demands/{demand.Id}", demand);
    }

    private static async Task<IResult> MyDemandsAsync(ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var subject = Subject(user);
        return TypedResults.Ok(await db.Demands.AsNoTracking().Where(d => d.ClientId == subject).OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(ct));
    }

    private static async Task<IResult> CandidatesAsync(Guid id, int? top, ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        if (top is < 1 or > 50)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["1 to 50. 候选数量为 1 至 50。"] });
        }

        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (demand is null || (demand.ClientId != Subject(user) && !Coordinates(user)))
        {
            return TypedResults.NotFound();
        }

        var providers = await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Approved && p.Available).ToListAsync(ct);
        var pending = await PendingProposalsAsync(db, ct);
        var facts = demand.Facts();
        var ranked = providers
            .Where(p => !demand.Excludes(p.Id))
            .Select(p => (Provider: p, Facts: p.Facts(pending.GetValueOrDefault(p.Id))))
            .Select(x => (x.Provider, x.Facts, Score: Scoring.Points(facts, x.Facts)))
            .Where(x => x.Score >= 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Provider.Id)
            .Take(top ?? 10)
            .Select((x, i) => new Candidate(i + 1, View(x.Provider), x.Score, Scoring.Explain(facts, x.Facts)))
            .ToList();
        return TypedResults.Ok(new { demandId = demand.Id, demand.Tier, demand.TierReason, demand.ProvidersWanted, candidates = ranked });
    }

    /// <summary>Open proposals per provider: they hold a place until decided.</summary>
    private static async Task<Dictionary<Guid, int>> PendingProposalsAsync(MatchingDbContext db, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Proposed).GroupBy(p => p.ProviderId).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);

    private static async Task<IResult> BatchAsync(MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var demands = await db.Demands.Where(d => d.State == DemandState.Open).OrderByDescending(d => d.Tier == "A").ThenByDescending(d => d.Urgency == "high").ThenBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var providers = await db.Providers.Where(p => p.Status == ProviderStatus.Approved && p.Available).OrderBy(p => p.Id).ToListAsync(ct);

        // One batch scores every pair once: the most pressing demands that fit; the rest wait for the next batch.
        var fits = (int)Math.Min(Math.Max(0, Assignment.MostNodes - providers.Count), Assignment.MostPairs / Math.Max(1, providers.Count));
        var waiting = Math.Max(0, demands.Count - fits);
        demands = demands.Take(fits).ToList();
        var ids = demands.Select(d => d.Id).ToList();
        var existing = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.DemandId) && p.State != ProposalState.Declined).Select(p => new { p.DemandId, p.ProviderId }).ToListAsync(ct);
        var taken = existing.Select(e => (e.DemandId, e.ProviderId)).ToHashSet();
        var pending = await PendingProposalsAsync(db, ct);
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

    private static async Task<IResult> MyProposalsAsync(ClaimsPrincipal user, MatchingDbContext db, CancellationToken ct)
    {
        var subject = Subject(user);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == subject, ct);
        if (provider is null)
        {
            return TypedResults.Ok(Array.Empty<object>());
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.ProviderId == provider.Id).OrderByDescending(p => p.ProposedAt).Take(100).ToListAsync(ct);
        var demandIds = proposals.Select(p => p.DemandId).ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return TypedResults.Ok(proposals.Select(p => new
        {
            p.Id, p.DemandId, p.Score, p.State, p.ProposedAt, p.DecidedAt,
            demand = demands.GetValueOrDefault(p.DemandId) is { } d ? new { d.ClientName, d.ClientKind, d.Domains, d.Stage, d.ServiceTypes, d.Description, d.Tier, d.Urgency } : null,
        }));
    }

    private static async Task<IResult> DecideAsync(Guid id, string? reason, bool accept, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (reason is { Length: > 500 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 500 characters. 不超过 500 字。"] });
        }

        var subject = Subject(user);
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id, ct);
        var provider = proposal is null ? null : await db.Providers.SingleOrDefaultAsync(p => p.Id == proposal.ProviderId, ct);
        if (proposal is null || provider is null || provider.UserId != subject)
        {
            return TypedResults.NotFound();
        }

        var demand = await db.Demands.SingleAsync(d => d.Id == proposal.DemandId, ct);
        var now = time.GetUtcNow();
        if (!(accept ? proposal.Accept(now) : proposal.Decline(reason, now)))
        {
            return TypedResults.Problem(title: $"The proposal is {proposal.State} already. 该推荐已处理。", statusCode: StatusCodes.Status409Conflict);
        }

        if (!accept)
        {
            // Declines feed back into the next round: never proposed again for this demand, which is open again.
            demand.DeclinedBy(provider.Id);
            if (demand.State == DemandState.Matched)
            {
                demand.Reopen();
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new { proposal.Id, proposal.State });
        }

        var engagement = Engagement.Start(proposal, demand, provider, await ReadModels.CalendarCopy.CalendarAsync(db, ct), now);
        provider.EngagementStarted();
        db.Engagements.Add(engagement);
        db.RecordEvent(new EngagementStarted(Guid.CreateVersion7(now), now, engagement.Id, demand.Id, demand.ClientId, provider.Id, provider.Team, engagement.FirstContactDueOn));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(engagement);
    }

    private static async Task<IResult> MyEngagementsAsync(ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var subject = Subject(user);
        var provider = await db.Providers.AsNoTracking().Where(p => p.UserId == subject).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.ClientId == subject || (provider != null && e.ProviderId == provider))
            .OrderByDescending(e => e.StartedAt).Take(100).ToListAsync(ct);
        var today = WorkingCalendar.Today(time.GetUtcNow());
        return TypedResults.Ok(engagements.Select(e => new
        {
            e.Id, e.DemandId, e.ProviderId, e.ProviderName, e.Team, e.ClientId, e.Tier, e.FirstContactDueOn, e.State, e.Outcome, e.Milestones, e.StartedAt,
            next = e.Next, firstContactOverdue = e.IsFirstContactOverdue(today),
        }));
    }

    private static async Task<IResult> MilestoneAsync(Guid id, MilestoneRequest request, ClaimsPrincipal user, MatchingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (request.Milestone is null || !Engagement.Order.Contains(request.Milestone))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["milestone"] = [$"One of {string.Join(", ", Engagement.Order)}. 服务节点有误。"] });
        }

        if (request.Note is { Length: > 2000 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["At most 2,000 characters. 不超过 2000 字。"] });
        }

        var subject = Subject(user);
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, ct);
        var provider = engagement is null ? null : await db.Providers.SingleOrDefaultAsync(p => p.Id == engagement.ProviderId, ct);
        if (engagement is null || provider is null || provider.UserId != subject)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (engagement.Record(request.Milestone, subject, request.Note?.Trim(), request.Outcome, now) is { } refusal)
        {
            return TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["next"] = engagement.Next });
        }

        if (request.Milestone == "closed")
        {
            provider.EngagementEnded();
            db.RecordEvent(new EngagementClosed(Guid.CreateVersion7(now), now, engagement.Id, engagement.DemandId, engagement.ClientId, provider.Id, provider.Name, provider.Team, provider.Organisation, engagement.Outcome));
        }
        else
        {
            db.RecordEvent(new EngagementMilestoneReached(Guid.CreateVersion7(now), now, engagement.Id, provider.Id, request.Milestone, engagement.Outcome,
                request.Milestone != "firstContact" || engagement.FirstContactOnTime));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(engagement);
    }
}
