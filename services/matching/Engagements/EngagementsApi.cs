using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Matching;
using Talent.Http;
using Talent.Messaging.Outbox;
using Talent.WorkingDays;
using static Talent.Matching.Actors;

namespace Talent.Matching.Engagements;

/// <summary>Engagements for the person served and for the provider, and the provider's milestones, in order, each once.</summary>
public static class EngagementsApi
{
    public sealed record MilestoneRequest(string? Milestone, string? Note, string? Outcome);

    public sealed record EngagementView(
        Guid Id, Guid DemandId, Guid ProviderId, string ProviderName, string Team, string ClientId, string Tier, DateOnly FirstContactDueOn, EngagementState State,
        string? Outcome, List<Milestone> Milestones, DateTimeOffset StartedAt, string? Next, bool FirstContactOverdue);

    public static IEndpointRouteBuilder MapEngagementsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Engagements");
        api.MapGet("/engagements/mine", MineAsync).RequireAuthorization(MatchingPolicies.User).WithName("MyEngagements")
            .WithSummary("The caller's engagements, as the person served or as the provider, newest first (at most 100).");
        api.MapPost("/engagements/{id:guid}/milestones", MilestoneAsync).RequireAuthorization(MatchingPolicies.Provider).WithName("RecordMilestone")
            .WithSummary("firstContact → planAgreed → serviceDelivered → outcomeRecorded (outcome: financing, contract, technology-transfer, policy-benefit, other) → closed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<List<EngagementView>>> MineAsync([AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var subject = ActorOf(call.User);
        var provider = await db.Providers.AsNoTracking().Where(p => p.UserId == subject).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.ClientId == subject || (provider != null && e.ProviderId == provider))
            .OrderByDescending(e => e.StartedAt).Take(100).ToListAsync(ct);
        var today = WorkingCalendar.Today(call.Time.GetUtcNow());
        return TypedResults.Ok(engagements.Select(e => new EngagementView(
            e.Id, e.DemandId, e.ProviderId, e.ProviderName, e.Team, e.ClientId, e.Tier, e.FirstContactDueOn, e.State, e.Outcome, e.Milestones, e.StartedAt,
            e.Next, e.IsFirstContactOverdue(today))).ToList());
    }

    private static async Task<Results<Ok<Engagement>, ValidationProblem, NotFound, ProblemHttpResult>> MilestoneAsync(Guid id, MilestoneRequest request, [AsParameters] MatchingRequest call)
    {
        if (request.Milestone is null || !Engagement.Order.Contains(request.Milestone))
        {
            return Problems.Invalid("milestone", $"One of {string.Join(", ", Engagement.Order)}. 服务节点有误。");
        }

        if (request.Note is { Length: > Engagement.NoteMaxLength })
        {
            return Problems.Invalid("note", $"At most {Engagement.NoteMaxLength:N0} characters. 不超过 {Engagement.NoteMaxLength} 字。");
        }

        // An outcome is one of the list, and it is what the outcome milestone records.
        if ((request.Outcome is not null || request.Milestone == "outcomeRecorded") && !Engagement.Outcomes.Contains(request.Outcome))
        {
            return Problems.Invalid("outcome", $"One of {string.Join(", ", Engagement.Outcomes)}. 请选择服务成效类型。");
        }

        var (db, ct) = (call.Db, call.Cancellation);
        var subject = ActorOf(call.User);
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, ct);
        var provider = engagement is null ? null : await db.Providers.SingleOrDefaultAsync(p => p.Id == engagement.ProviderId, ct);
        if (engagement is null || provider is null || provider.UserId != subject)
        {
            return TypedResults.NotFound();
        }

        var now = call.Time.GetUtcNow();
        if (engagement.Record(request.Milestone, subject, request.Note?.Trim(), request.Outcome, now) is { } refusal)
        {
            // The answer names the milestone that is due, so a client can offer it.
            return TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["next"] = engagement.Next });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.Milestone == "closed")
        {
            // The place is given back in one statement, as accepts take it: no stale copy of the load is written.
            await db.Providers.Where(p => p.Id == provider.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Load, p => p.Load > 0 ? p.Load - 1 : 0), ct);
            db.RecordEvent(new EngagementClosed(Guid.CreateVersion7(now), now, engagement.Id, engagement.DemandId, engagement.ClientId, provider.Id, provider.Name, provider.Team, provider.Organisation, engagement.Outcome));
        }
        else
        {
            db.RecordEvent(new EngagementMilestoneReached(Guid.CreateVersion7(now), now, engagement.Id, provider.Id, request.Milestone, engagement.Outcome,
                request.Milestone != "firstContact" || engagement.FirstContactOnTime, engagement.ClientId, engagement.DemandId, provider.Team, engagement.Next));
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another milestone was recorded meanwhile: nothing written; the client reads the engagement again.
            return Problems.Of(StatusCodes.Status409Conflict, "The engagement changed meanwhile; read it again. 服务记录已变化，请刷新后重试。");
        }

        return TypedResults.Ok(engagement);
    }
}
