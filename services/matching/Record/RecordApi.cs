using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Matching.Audit;
using Talent.Matching.Data;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using static Talent.Matching.Actors;

namespace Talent.Matching.Record;

/// <summary>
/// One record across the lifecycle (引进 → 成就人才): everything the platform did for a talent or an enterprise, newest
/// first — applications submitted and decided and services rated (from the applications' and feedback's events), demands,
/// survey visits, engagements and certifications (matching's own) — and the lifecycle stage reached, each stage saying
/// what reached it. The person reads their own; a butler who serves or served them reads it only with their consent
/// (each such read in the audit trail); anyone else finds nothing.
/// </summary>
public static class RecordApi
{
    public const int TimelineLimit = 200;

    /// <summary>An approved service counts toward the stages it is offered at only when it is offered at this many or fewer.</summary>
    public const int StageSpecific = 2;

    public sealed record SharingRequest(bool? WithButlers);

    public sealed record StageView(string Code, bool Reached, DateTimeOffset? Since, string? ByZh, string? ByEn);

    public sealed record RecordItem(DateTimeOffset At, string Kind, string? Reference, string? ItemCode, string? TitleZh, string? TitleEn, string? Outcome, string? Detail);

    public sealed record RecordView(string PersonId, string? StageReached, List<StageView> Stages, List<RecordItem> Timeline, bool SharedWithButlers);

    public static IEndpointRouteBuilder MapRecordApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching/record").WithTags("Lifecycle record");
        api.MapGet("/", MineAsync).RequireAuthorization(MatchingPolicies.Client).WithName("MyRecord")
            .WithSummary("The caller's record: the stages of the lifecycle reached and everything the platform did for them, newest first (at most 200).");
        api.MapPut("/sharing", ShareAsync).RequireAuthorization(MatchingPolicies.Client).WithName("ShareMyRecord")
            .WithSummary("Whether the butlers who serve the caller may read their record ({ withButlers }).").ProducesValidationProblem();
        api.MapGet("/{personId}", TheirsAsync).RequireAuthorization(MatchingPolicies.Provider).WithName("ClientRecord")
            .WithSummary("A butler reads the record of a person they serve or served, if that person consented; otherwise 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<RecordView>> MineAsync([AsParameters] MatchingRequest call) =>
        TypedResults.Ok(await BuildAsync(call.Db, ActorOf(call.User), call.Cancellation));

    private static async Task<Results<Ok<RecordView>, ValidationProblem>> ShareAsync(SharingRequest request, [AsParameters] MatchingRequest call)
    {
        if (request.WithButlers is not { } withButlers)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["withButlers"] = ["true or false. 请选择是否向人才管家开放。"] });
        }

        var (db, ct) = (call.Db, call.Cancellation);
        var person = ActorOf(call.User);
        var now = call.Time.GetUtcNow();
        var sharing = await db.RecordSharing.SingleOrDefaultAsync(s => s.PersonId == person, ct);
        if (sharing is null)
        {
            sharing = RecordSharing.For(person);
            db.RecordSharing.Add(sharing);
        }

        sharing.Set(withButlers, now);
        db.Audit.Add(AuditEntry.Of(call.User, "record.sharing", person, null, new { withButlers }, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await BuildAsync(db, person, ct));
    }

    private static async Task<Results<Ok<RecordView>, NotFound>> TheirsAsync(string personId, [AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var me = ActorOf(call.User);
        if (!call.User.IsInRole("butler") || personId.Length > 100 || personId.Contains('\0', StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var serves = await (from engagement in db.Engagements
                            join provider in db.Providers on engagement.ProviderId equals provider.Id
                            where provider.UserId == me && engagement.ClientId == personId
                            select engagement.Id).AnyAsync(ct);
        var consented = await db.RecordSharing.AnyAsync(s => s.PersonId == personId && s.WithButlers, ct);
        if (!serves || !consented)
        {
            return TypedResults.NotFound();
        }

        db.Audit.Add(AuditEntry.Of(call.User, "record.viewed", personId, null, new { }, call.Time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await BuildAsync(db, personId, ct));
    }

    /// <summary>The record as it is now: every source read, merged by time; the stages from approvals and engagements.</summary>
    public static async Task<RecordView> BuildAsync(MatchingDbContext db, string person, CancellationToken ct)
    {
        var entries = await db.RecordEntries.AsNoTracking().Where(e => e.PersonId == person).OrderByDescending(e => e.At).Take(TimelineLimit).ToListAsync(ct);
        var demands = await db.Demands.AsNoTracking().Where(d => d.ClientId == person).OrderByDescending(d => d.CreatedAt).Take(TimelineLimit).ToListAsync(ct);
        var engagements = await db.Engagements.AsNoTracking().Where(e => e.ClientId == person).OrderByDescending(e => e.StartedAt).Take(TimelineLimit).ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.ClientId == person).OrderByDescending(v => v.RecordedAt).Take(TimelineLimit).ToListAsync(ct);
        var certifications = await db.Certifications.AsNoTracking().Where(c => c.PersonId == person).ToListAsync(ct);
        var rated = entries.Where(e => e.Kind == RecordEntry.Submitted).Select(e => e.SubjectId).Concat(engagements.Select(e => e.Id)).ToList();
        var ratings = await db.RecordEntries.AsNoTracking().Where(e => e.Kind == RecordEntry.Rated && rated.Contains(e.SubjectId)).ToListAsync(ct);
        var sharing = await db.RecordSharing.AsNoTracking().AnyAsync(s => s.PersonId == person && s.WithButlers, ct);

        var timeline = new List<RecordItem>();
        timeline.AddRange(entries.Concat(ratings).Select(e => new RecordItem(e.At, e.Kind, e.Reference, e.ItemCode, e.ItemTitleZh, e.ItemTitleEn, e.Outcome, null)));
        timeline.AddRange(demands.Select(d => new RecordItem(d.CreatedAt, "demand", d.Tier, null, d.Description, null, d.State.ToString().ToLowerInvariant(),
            d.RecordedByName)));
        timeline.AddRange(visits.Select(v => new RecordItem(v.RecordedAt, "visit", v.VisitedOn.ToString("yyyy-MM-dd"), null, v.Summary, null, null, v.VisitorName)));
        timeline.AddRange(engagements.Select(e => new RecordItem(e.StartedAt, "engagement", e.Team, null, e.ProviderName, null,
            e.State == EngagementState.Closed ? e.Outcome ?? "closed" : "active", e.Milestones.LastOrDefault()?.Name)));
        timeline.AddRange(certifications.Select(c => new RecordItem(
            new DateTimeOffset(c.CertifiedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), "certified", c.Programme, null, c.Designation, null,
            c.Revoked ? "revoked" : "valid", c.Issuer)));

        // A stage is reached by an approval of a service of that stage (one offered at one or two stages: a service offered
        // at more, such as housing or schooling, says nothing of where a venture stands), or by an engagement closed with an
        // outcome for a need of that stage.
        var reachedBy = new Dictionary<string, (DateTimeOffset At, string Zh, string En)>();
        void Reach(string stage, DateTimeOffset at, string zh, string en)
        {
            if (!reachedBy.TryGetValue(stage, out var known) || at < known.At)
            {
                reachedBy[stage] = (at, zh, en);
            }
        }

        foreach (var approval in entries.Where(e => e.Kind == RecordEntry.Decided && e.Outcome == "approved" && e.Stages.Count <= StageSpecific))
        {
            foreach (var stage in approval.Stages)
            {
                Reach(stage, approval.At, $"办结：{approval.ItemTitleZh ?? approval.ItemCode}", $"Approved: {approval.ItemTitleEn ?? approval.ItemTitleZh ?? approval.ItemCode}");
            }
        }

        var demandStages = demands.ToDictionary(d => d.Id, d => d.Stage);
        foreach (var engagement in engagements.Where(e => e.State == EngagementState.Closed && e.Outcome is not null))
        {
            if (demandStages.TryGetValue(engagement.DemandId, out var stage))
            {
                var at = engagement.Milestones.LastOrDefault()?.At ?? engagement.StartedAt;
                Reach(stage, at, $"对接成果：{engagement.ProviderName}", $"Engagement outcome: {engagement.ProviderName}");
            }
        }

        var stages = Vocabulary.Stages.Codes.Select(code => reachedBy.TryGetValue(code, out var by)
            ? new StageView(code, true, by.At, by.Zh, by.En)
            : new StageView(code, false, null, null, null)).ToList();
        var reached = stages.LastOrDefault(s => s.Reached)?.Code;
        return new RecordView(person, reached, stages, [.. timeline.OrderByDescending(t => t.At).Take(TimelineLimit)], sharing);
    }
}
