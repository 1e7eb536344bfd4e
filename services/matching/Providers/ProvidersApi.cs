using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Matching.Matching;
using static Talent.Matching.Actors;

namespace Talent.Matching.Providers;

/// <summary>
/// Commissioners, butlers and brokers: the approved ones for everybody (operators see all), a provider's own profile (a new
/// one waits for approval), and the operators' approval and suspension.
/// </summary>
public static class ProvidersApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Providers");
        api.MapGet("/providers", ListAsync).RequireAuthorization(MatchingPolicies.User).WithName("ListProviders")
            .WithSummary("Approved providers (operators: all, or by ?status=pending|approved|suspended). ?team=&domain=&serviceType=&page=&pageSize=")
            .ProducesValidationProblem();
        api.MapGet("/providers/me", MineAsync).RequireAuthorization(MatchingPolicies.Provider).WithName("MyProviderProfile")
            .WithSummary("The calling provider's own profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/providers/me", EditAsync).RequireAuthorization(MatchingPolicies.Provider).WithName("EditMyProviderProfile")
            .WithSummary("A provider's own profile; a new one waits for an operator's approval.")
            .ProducesValidationProblem();
        api.MapPost("/providers/market", ImportAsync).RequireAuthorization(MatchingPolicies.Operator).WithName("ImportMarketOrganisation")
            .WithSummary("Operators bring in a service organisation from the market (导入市场资源: law firm, accounting firm, IP agency, fund, consultancy, testing laboratory) with its services; it waits for approval, then is matched like the three teams.")
            .ProducesValidationProblem();
        api.MapPost("/providers/{id:guid}/approve", (Guid id, [AsParameters] MatchingRequest call) => SetStatusAsync(id, approve: true, call))
            .RequireAuthorization(MatchingPolicies.Operator).WithName("ApproveProvider")
            .WithSummary("Operators: the provider is proposed from now on.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/providers/{id:guid}/suspend", (Guid id, [AsParameters] MatchingRequest call) => SetStatusAsync(id, approve: false, call))
            .RequireAuthorization(MatchingPolicies.Operator).WithName("SuspendProvider")
            .WithSummary("Operators: the provider is no longer proposed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<Paged<ProviderView>>, ValidationProblem>> ListAsync(
        string? team, string? domain, string? serviceType, string? status, [AsParameters] PageQuery paging, [AsParameters] MatchingRequest call)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        // Filters are codes: anything else (a NUL, which PostgreSQL text cannot hold, among them) is the caller's mistake.
        var errors = new Dictionary<string, string[]>();
        if (team is not null && !Vocabulary.Teams.Contains(team))
        {
            errors["team"] = ["commissioner, butler, broker or market. 团队为专员、管家、经纪人或市场服务机构。"];
        }

        foreach (var (field, vocabulary, value) in new[] { ("domain", Vocabulary.Domains, domain), ("serviceType", Vocabulary.ServiceTypes, serviceType) })
        {
            if (value is not null && !vocabulary.Contains(value))
            {
                errors[field] = [$"One of {string.Join(", ", vocabulary.Codes)}. 选项有误。"];
            }
        }

        ProviderStatus? wanted = null;
        if (status is not null)
        {
            // The names alone: Enum.TryParse would also take numbers and comma-joined flags.
            if (Enum.GetValues<ProviderStatus>().Where(v => string.Equals(v.ToString(), status, StringComparison.OrdinalIgnoreCase)).Select(v => (ProviderStatus?)v).FirstOrDefault() is { } parsed)
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = ["pending, approved or suspended. 状态为待审核、已批准或已暂停。"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = call.Db.Providers.AsNoTracking();
        if (!call.User.IsInRole("operator"))
        {
            query = query.Where(p => p.Status == ProviderStatus.Approved);
        }

        if (wanted is not null)
        {
            query = query.Where(p => p.Status == wanted);
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

        var total = await query.CountAsync(call.Cancellation);
        var items = await query.OrderBy(p => p.Team).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size).ToListAsync(call.Cancellation);
        return TypedResults.Ok(page.Of(items.Select(ProviderView.Of).ToList(), total));
    }

    /// <summary>
    /// A market organisation has no account here: operators speak for it (they import it, and accept or decline its proposals
    /// once they have asked it). Pending until approved; every import in the audit trail.
    /// </summary>
    private static async Task<Results<Created<ProviderView>, ValidationProblem>> ImportAsync(Provider.Profile profile, [AsParameters] MatchingRequest call)
    {
        var market = profile with { Team = "market" };
        var errors = Provider.Validate(market);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = call.Time.GetUtcNow();
        var provider = Provider.Create(null, market, ProviderStatus.Pending, now);
        call.Db.Providers.Add(provider);
        call.Db.Audit.Add(Audit.AuditEntry.Of(call.User, "provider.imported", provider.Id.ToString(), null, new { provider.Name, provider.Organisation, provider.OrganisationKind }, now));
        await call.Db.SaveChangesAsync(call.Cancellation);
        return TypedResults.Created($"/api/matching/providers/{provider.Id}", ProviderView.Of(provider));
    }

    private static async Task<Results<Ok<ProviderView>, NotFound>> MineAsync([AsParameters] MatchingRequest call)
    {
        var subject = ActorOf(call.User);
        return await call.Db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == subject, call.Cancellation) is { } mine
            ? TypedResults.Ok(ProviderView.Of(mine))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ProviderView>, ValidationProblem>> EditAsync(Provider.Profile profile, [AsParameters] MatchingRequest call)
    {
        var errors = Provider.Validate(profile);
        if (profile.Team is not null && !call.User.IsInRole(profile.Team))
        {
            errors["team"] = ["Your own team only. 只能填写本人所属团队。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var subject = ActorOf(call.User);
        var now = call.Time.GetUtcNow();
        var mine = await call.Db.Providers.SingleOrDefaultAsync(p => p.UserId == subject, call.Cancellation);
        if (mine is null)
        {
            mine = Provider.Create(subject, profile, ProviderStatus.Pending, now);
            call.Db.Providers.Add(mine);
        }
        else
        {
            mine.Edit(profile, now);
        }

        await call.Db.SaveChangesAsync(call.Cancellation);
        return TypedResults.Ok(ProviderView.Of(mine));
    }

    private static async Task<Results<Ok<ProviderView>, NotFound>> SetStatusAsync(Guid id, bool approve, MatchingRequest call)
    {
        var provider = await call.Db.Providers.SingleOrDefaultAsync(p => p.Id == id, call.Cancellation);
        if (provider is null)
        {
            return TypedResults.NotFound();
        }

        if (approve)
        {
            provider.Approve(call.Time.GetUtcNow());
        }
        else
        {
            provider.Suspend(call.Time.GetUtcNow());
        }

        await call.Db.SaveChangesAsync(call.Cancellation);
        return TypedResults.Ok(ProviderView.Of(provider));
    }
}
