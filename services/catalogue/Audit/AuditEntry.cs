using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Audit;

/// <summary>
/// Who changed what in the catalogue, when: reference data, synonyms and every step of the editing workflow.
/// Written in the same SaveChanges as the change, so an entry exists exactly when the change does.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    /// <summary>e.g. <c>department.saved</c>, <c>policy.saved</c>, <c>synonyms.replaced</c>, <c>item.published</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The code of what changed (item, department, policy).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>JSON: the values before and after, or the reason given.</summary>
    public string Details { get; private set; } = "{}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntry Of(ClaimsPrincipal user, string action, string subject, object details, DateTimeOffset at) => new()
    {
        At = at,
        Actor = user.FindFirstValue("sub") ?? "unknown",
        Action = action,
        Subject = subject,
        Details = JsonSerializer.Serialize(details, Json),
    };

    public static AuditEntry System(string action, string subject, object details, DateTimeOffset at) => new()
    {
        At = at,
        Actor = "system",
        Action = action,
        Subject = subject,
        Details = JsonSerializer.Serialize(details, Json),
    };
}

public static class AuditApi
{
    public const int MaxPageSize = 100;

    public sealed record AuditView(Guid Id, DateTimeOffset At, string Actor, string Action, string Subject, JsonElement Details);

    public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Page, int PageSize, int Total);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/catalogue/audit", ListAsync)
            .RequireAuthorization(References.ReferenceApi.OperatorPolicy)
            .WithTags("Audit")
            .WithName("ListCatalogueAudit")
            .WithSummary("Changes to the catalogue, newest first; filter by subject (a code) or action.");
        return routes;
    }

    private static async Task<IResult> ListAsync(string? subject, string? action, int? page, int? pageSize, CatalogueDbContext db, CancellationToken ct)
    {
        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page is < 1 ? "page" : "pageSize"] = [$"page ≥ 1, pageSize 1 to {MaxPageSize}. 页码从 1 开始，每页 1 至 {MaxPageSize} 条。"],
            });
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

        var (p, size) = (page ?? 1, pageSize ?? 20);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage([.. entries.Select(e => new AuditView(e.Id, e.At, e.Actor, e.Action, e.Subject, JsonDocument.Parse(e.Details).RootElement.Clone()))], p, size, total));
    }
}
