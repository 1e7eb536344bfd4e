using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Talent.Contracts.Matching;
using Talent.Http;
using Talent.Matching.Certifications;
using Talent.Matching.Demands;
using Talent.Matching.Matching;
using Talent.Messaging.Outbox;
using Talent.ReadModels;
using Talent.WorkingDays;
using static Talent.Matching.Actors;

namespace Talent.Matching.Visits;

/// <summary>
/// Survey before service (摸底调研 → 分层对接): commissioners and butlers find the talents and enterprises they visit in the
/// people directory, record each visit with the needs they found as demands on the person's behalf (tiered from certified
/// facts where a municipal system certified them, saying which facts were used), and list their visits; the person sees
/// the visits to them and corrects the demands recorded for them.
/// </summary>
public static class VisitsApi
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;
    public const int ListLimit = 100;

    public sealed record VisitRequest(string? ClientId, DateOnly? VisitedOn, string? Summary, List<Demand.Registration?>? Needs);

    public sealed record ClientView(string Id, string Name, string Kind);

    /// <summary>A visit with the demands recorded from it, as they are now.</summary>
    public sealed record VisitView(SurveyVisit Visit, List<Demand> Demands);

    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Survey visits");
        api.MapGet("/clients", FindClientsAsync).RequireAuthorization(MatchingPolicies.Surveyor).WithName("FindClients")
            .WithSummary("Commissioners and butlers: talents and enterprises by name or account (q, at least two characters), at most 20.")
            .ProducesValidationProblem();
        api.MapPost("/visits", RecordAsync).RequireAuthorization(MatchingPolicies.Surveyor).WithName("RecordVisit")
            .WithSummary("A visit to a talent or an enterprise, with up to 10 needs found, each recorded as the person's demand on their behalf and tiered.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/visits", MineAsync).RequireAuthorization(MatchingPolicies.Surveyor).WithName("MyVisits")
            .WithSummary("The caller's visits, newest first (at most 100), with the demands recorded from each as they are now.");
        api.MapGet("/visits/about-me", AboutMeAsync).RequireAuthorization(MatchingPolicies.Client).WithName("VisitsAboutMe")
            .WithSummary("The visits made to the caller, newest first (at most 100), with the demands recorded from each.");
        api.MapPut("/demands/{id:guid}", CorrectAsync).RequireAuthorization(MatchingPolicies.Client).WithName("CorrectDemand")
            .WithSummary("The person corrects one of their open demands (also one recorded for them at a visit); its tier is computed again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<List<ClientView>>, ValidationProblem>> FindClientsAsync(string? q, [AsParameters] MatchingRequest call)
    {
        var query = q?.Trim() ?? "";
        if (query.Length is < MinQueryLength or > MaxQueryLength || query.Contains('\0', StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"A name or account of {MinQueryLength} to {MaxQueryLength} characters. 请输入 {MinQueryLength} 至 {MaxQueryLength} 个字符的姓名或账户。"],
            });
        }

        var people = await call.Db.People.AsNoTracking().NamedLike(query)
            .Where(p => !p.Disabled && p.Roles.Contains("applicant"))
            .OrderBy(p => p.DisplayName).Take(20).ToListAsync(call.Cancellation);
        return TypedResults.Ok(people.Select(p => new ClientView(p.Subject, p.DisplayName, p.ApplicantKind == "enterprise" ? "enterprise" : "talent")).ToList());
    }

    private static async Task<Results<Created<VisitView>, ValidationProblem, ProblemHttpResult>> RecordAsync(VisitRequest request, IOptions<TierOptions> tiers, [AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var now = call.Time.GetUtcNow();
        var today = WorkingCalendar.Today(now);
        var errors = new Dictionary<string, string[]>();
        var person = string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 100 || request.ClientId.Contains('\0', StringComparison.Ordinal) ? null
            : await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Subject == request.ClientId && !p.Disabled, ct);
        if (person is null || !person.HasRole("applicant"))
        {
            errors["clientId"] = ["The account of the talent or enterprise visited (find them by name). 请选择被走访的人才或企业。"];
        }

        if (request.VisitedOn is not { } visitedOn || visitedOn > today || visitedOn < today.AddDays(-SurveyVisit.MaxDaysBack))
        {
            errors["visitedOn"] = [$"The day of the visit: today or within the last year. 走访日期须为今天或一年以内。"];
        }

        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > SurveyVisit.SummaryMaxLength || request.Summary.Contains('\0', StringComparison.Ordinal))
        {
            errors["summary"] = [$"What was found, 1 to {SurveyVisit.SummaryMaxLength} characters. 请填写走访情况（1 至 {SurveyVisit.SummaryMaxLength} 字）。"];
        }

        var needs = request.Needs ?? [];
        if (needs.Count > SurveyVisit.MaxNeeds)
        {
            errors["needs"] = [$"At most {SurveyVisit.MaxNeeds} needs per visit. 每次走访最多记录 {SurveyVisit.MaxNeeds} 项需求。"];
        }
        else
        {
            for (var i = 0; i < needs.Count; i++)
            {
                if (needs[i] is not { } need)
                {
                    errors[$"needs[{i}]"] = ["A need. 需求不能为空。"];
                    continue;
                }

                foreach (var (field, messages) in Demand.Validate(need))
                {
                    errors[$"needs[{i}].{field}"] = messages;
                }
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var client = new SurveyClient(person!.Subject, person.DisplayName, person.ApplicantKind == "enterprise" ? "enterprise" : "talent");
        if (await db.Demands.CountAsync(d => d.ClientId == client.Id && d.State != DemandState.Closed, ct) + needs.Count > DemandsApi.MostOpenPerPerson)
        {
            return Problems.Of(StatusCodes.Status409Conflict,
                $"The person would have more than {DemandsApi.MostOpenPerPerson} open demands; record fewer needs or close some first. 该对象未结束的需求将超过 {DemandsApi.MostOpenPerPerson} 个。");
        }

        var user = call.User;
        var (visitor, name) = (ActorOf(user), user.DisplayName(200));
        var visit = SurveyVisit.Record(visitor, name, user.IsInRole("commissioner") ? "commissioner" : "butler", client, request.VisitedOn!.Value, request.Summary!.Trim(), now);
        var certified = await CertificationCopy.BestForAsync(db.Certifications, client.Id, tiers.Value, today, ct);
        var demands = new List<Demand>();
        foreach (var need in needs)
        {
            var demand = Demand.RecordAtVisit(client, need!, tiers.Value, now, certified, visitor, name, visit.Id);
            visit.Found(demand.Id);
            demands.Add(demand);
            db.Demands.Add(demand);
            db.RecordEvent(new DemandRegistered(Guid.CreateVersion7(now), now, demand.Id, demand.ClientId, demand.ClientKind, demand.Domains, demand.Stage, demand.ServiceTypes, demand.Tier));
        }

        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/matching/visits/{visit.Id}", new VisitView(visit, demands));
    }

    private static async Task<Ok<List<VisitView>>> MineAsync([AsParameters] MatchingRequest call)
    {
        var visitor = ActorOf(call.User);
        return TypedResults.Ok(await ViewsAsync(call, call.Db.Visits.AsNoTracking().Where(v => v.VisitorId == visitor)));
    }

    private static async Task<Ok<List<VisitView>>> AboutMeAsync([AsParameters] MatchingRequest call)
    {
        var client = ActorOf(call.User);
        return TypedResults.Ok(await ViewsAsync(call, call.Db.Visits.AsNoTracking().Where(v => v.ClientId == client)));
    }

    private static async Task<List<VisitView>> ViewsAsync(MatchingRequest call, IQueryable<SurveyVisit> visits)
    {
        var list = await visits.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).Take(ListLimit).ToListAsync(call.Cancellation);
        var ids = list.SelectMany(v => v.DemandIds).ToList();
        var demands = (await call.Db.Demands.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(call.Cancellation)).ToDictionary(d => d.Id);
        return [.. list.Select(v => new VisitView(v, [.. v.DemandIds.Where(demands.ContainsKey).Select(id => demands[id])]))];
    }

    private static async Task<Results<Ok<Demand>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectAsync(Guid id, Demand.Registration correction, IOptions<TierOptions> tiers, [AsParameters] MatchingRequest call)
    {
        var errors = Demand.Validate(correction);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (db, ct) = (call.Db, call.Cancellation);
        var client = ActorOf(call.User);
        var demand = await db.Demands.SingleOrDefaultAsync(d => d.Id == id && d.ClientId == client, ct);
        if (demand is null)
        {
            return TypedResults.NotFound();
        }

        var now = call.Time.GetUtcNow();
        var certified = await CertificationCopy.BestForAsync(db.Certifications, client, tiers.Value, WorkingCalendar.Today(now), ct);
        if (!demand.Correct(correction, tiers.Value, certified, now))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Only an open demand is corrected; this one is matched or closed. 仅可修改尚未对接的需求。");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "The demand changed meanwhile (a batch may have matched it); reload it. 需求已被更新，请刷新后重试。");
        }

        return TypedResults.Ok(demand);
    }
}
