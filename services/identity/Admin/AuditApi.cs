using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Data;

namespace Talent.Identity.Admin;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", ListAsync)
            .RequireAuthorization(IdentityServiceExtensions.AdminPolicy)
            .WithTags("Audit")
            .WithName("ListAudit")
            .WithSummary("Changes made through the admin API, newest first.");
        return routes;
    }

    private static async Task<Ok<AdminSupport.Paged<AuditEntry>>> ListAsync(IdentityDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = AdminSupport.Paging(page, pageSize);
        var total = await db.Audit.CountAsync(ct);
        var items = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new AdminSupport.Paged<AuditEntry>(items, p, size, total));
    }
}
