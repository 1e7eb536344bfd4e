using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Matching;
using Talent.Http;
using Talent.Matching.Certifications;
using Talent.Matching.Matching;
using Talent.Messaging.Outbox;
using static Talent.Matching.Actors;

namespace Talent.Matching.Demands;

/// <summary>A person's demands (摸底调研): registered with the facts their tier comes from, and listed for their owner.</summary>
public static class DemandsApi
{
    /// <summary>Open demands one person may have at once.</summary>
    public const int MostOpenPerPerson = 20;

    public static IEndpointRouteBuilder MapDemandsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Demands");
        api.MapPost("/demands", RegisterAsync).RequireAuthorization(MatchingPolicies.Client).WithName("RegisterDemand")
            .WithSummary("A demand (摸底调研); its tier sets how many providers, how senior, and the first-contact deadline.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/demands/mine", MineAsync).RequireAuthorization(MatchingPolicies.Client).WithName("MyDemands")
            .WithSummary("The caller's demands, newest first (at most 100).");
        return routes;
    }

    private static async Task<Results<Created<Demand>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Demand.Registration registration, IOptions<TierOptions> tiers, [AsParameters] MatchingRequest call)
    {
        var errors = Demand.Validate(registration);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (user, db) = (call.User, call.Db);
        var subject = ActorOf(user);
        if (await db.Demands.CountAsync(d => d.ClientId == subject && d.State != DemandState.Closed, call.Cancellation) >= MostOpenPerPerson)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "At most 20 open demands per person. 每人最多 20 个未结束的需求。");
        }

        var now = call.Time.GetUtcNow();
        var kind = user.FindFirstValue("applicant_kind") ?? user.FindFirstValue("kind") ?? "talent";
        var certified = await CertificationCopy.BestForAsync(db.Certifications, subject, tiers.Value, DateOnly.FromDateTime(now.UtcDateTime), call.Cancellation);
        var demand = Demand.Register(subject, user.DisplayName(Demand.ClientNameMaxLength), kind == "enterprise" ? "enterprise" : "talent", registration, tiers.Value, now, certified);
        db.Demands.Add(demand);
        db.RecordEvent(new DemandRegistered(Guid.CreateVersion7(now), now, demand.Id, demand.ClientId, demand.ClientKind, demand.Domains, demand.Stage, demand.ServiceTypes, demand.Tier));
        await db.SaveChangesAsync(call.Cancellation);
        return TypedResults.Created($"/api/matching/demands/{demand.Id}", demand);
    }

    private static async Task<Ok<List<Demand>>> MineAsync([AsParameters] MatchingRequest call)
    {
        var subject = ActorOf(call.User);
        return TypedResults.Ok(await call.Db.Demands.AsNoTracking().Where(d => d.ClientId == subject).OrderByDescending(d => d.CreatedAt).Take(100).ToListAsync(call.Cancellation));
    }
}
