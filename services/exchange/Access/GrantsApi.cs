using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Exchange.Data;
using Talent.Http;

namespace Talent.Exchange.Access;

/// <summary>Operators grant each municipal client the exchange services it may call, with a reason; every change is kept.</summary>
public static class GrantsApi
{
    public const int ReasonLength = 500;

    public sealed record GrantsView(string ClientId, IReadOnlyList<string> Services, IReadOnlyList<GrantChangeView> Changes);

    public sealed record GrantChangeView(IReadOnlyList<string> Granted, IReadOnlyList<string> Revoked, string By, string? Reason, DateTimeOffset At);

    public sealed record GrantsRequest(List<string?>? Services, string? Reason);

    public static IEndpointRouteBuilder MapGrantsApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/exchange/v1/admin/clients").RequireAuthorization(ExchangePolicies.Operator).WithTags("Grants");
        admin.MapGet("/{clientId}/grants", GetAsync).WithName("ClientGrants")
            .WithSummary("The exchange services a client may call, and the last 50 changes (newest first).");
        admin.MapPut("/{clientId}/grants", PutAsync).WithName("SetClientGrants")
            .WithSummary("Sets the exchange services a client may call (the whole set), with the reason; the change is kept.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<GrantsView>, ValidationProblem>> GetAsync(string clientId, ExchangeDbContext db, CancellationToken cancellationToken) =>
        InvalidClient(clientId) is { } invalid ? invalid : TypedResults.Ok(await ViewAsync(db, clientId, cancellationToken));

    private static async Task<Results<Ok<GrantsView>, ValidationProblem>> PutAsync(
        string clientId, GrantsRequest request, ExchangeDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (InvalidClient(clientId) is { } invalid)
        {
            return invalid;
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Services is null)
        {
            errors["services"] = ["The services the client may call (an empty list revokes all). 请给出允许调用的服务（空列表表示全部撤销）。"];
        }
        else
        {
            for (var i = 0; i < request.Services.Count; i++)
            {
                if (request.Services[i] is not { } name || !ExchangeServices.All.Contains(name))
                {
                    errors[$"services[{i}]"] = [$"One of: {string.Join(", ", ExchangeServices.All)}. 服务须为：{string.Join("、", ExchangeServices.All)}。"];
                }
            }
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > ReasonLength || request.Reason.Contains('\0'))
        {
            errors["reason"] = ["Why (at most 500 characters); kept with the change. 请填写授权理由（不超过 500 字）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var wanted = request.Services!.Select(s => s!).Distinct().ToList();
        var now = time.GetUtcNow();
        var by = http.User.DisplayName(100);
        var current = await db.Grants.Where(g => g.ClientId == clientId).ToListAsync(cancellationToken);
        var revoked = current.Where(g => !wanted.Contains(g.Service)).ToList();
        var granted = wanted.Where(s => current.All(g => g.Service != s)).ToList();
        if (revoked.Count > 0 || granted.Count > 0)
        {
            db.Grants.RemoveRange(revoked);
            db.Grants.AddRange(granted.Select(s => ClientGrant.Of(clientId, s, by, now)));
            db.GrantChanges.Add(GrantChange.Of(clientId, granted, revoked.Select(g => g.Service), by, request.Reason!.Trim(), now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await ViewAsync(db, clientId, cancellationToken));
    }

    private static async Task<GrantsView> ViewAsync(ExchangeDbContext db, string clientId, CancellationToken cancellationToken)
    {
        var services = await db.Grants.AsNoTracking().Where(g => g.ClientId == clientId).OrderBy(g => g.Service).Select(g => g.Service).ToListAsync(cancellationToken);
        var changes = await db.GrantChanges.AsNoTracking().Where(c => c.ClientId == clientId).OrderByDescending(c => c.At).Take(50)
            .Select(c => new GrantChangeView(c.Granted, c.Revoked, c.By, c.Reason, c.At)).ToListAsync(cancellationToken);
        return new GrantsView(clientId, services, changes);
    }

    private static ValidationProblem? InvalidClient(string clientId) =>
        clientId.Length > ClientGrant.ClientIdLength || clientId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? Problems.Invalid("clientId", "A client id (at most 100 characters, no spaces). 客户端标识不超过 100 个字符、不含空格。")
            : null;
}
