using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;
using Talent.Identity.Data;

namespace Talent.Identity.Audit;

/// <summary>The audit trail, for operators: every change made through the admin API.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(IdentityServiceExtensions.AdminPolicy)
            .WithTags("Audit")
            .WithName("ListAudit")
            .WithSummary("Changes made through the admin API, newest first.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<Paged<AuditEntry>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery paging, IdentityDb db, CancellationToken ct)
    {
        if (!paging.TryResolve(out var page, out var invalid, defaultSize: 20, maxSize: 100))
        {
            return invalid;
        }

        var total = await db.Audit.CountAsync(ct);
        var items = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(page.Of(items, total));
    }
}
