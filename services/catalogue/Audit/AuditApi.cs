using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Http;

namespace Talent.Catalogue.Audit;

/// <summary>The audit trail, for operators: newest first, by subject or action, a page at a time.</summary>
public static class AuditApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record AuditView(Guid Id, DateTimeOffset At, string Actor, string Action, string Subject, JsonElement Details);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/catalogue/audit", ListAsync)
            .RequireAuthorization(CataloguePolicies.Operator)
            .WithTags("Audit")
            .WithName("ListCatalogueAudit")
            .WithSummary("Changes to the catalogue, newest first; filter by subject (a code) or action.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<Paged<AuditView>>, ValidationProblem>> ListAsync(
        string? subject, string? action, [AsParameters] PageQuery paging, CatalogueDbContext db, CancellationToken ct)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subject))
        {
            query = query.Where(a => a.Subject == subject);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action);
        }

        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return TypedResults.Ok(page.Of(entries.Select(View).ToList(), total));
    }

    private static AuditView View(AuditEntry entry) =>
        new(entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, JsonDocument.Parse(entry.Details).RootElement.Clone());
}
