using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Http;

namespace Talent.Matching.Audit;

/// <summary>The audit trail of matching's settings, for operators: newest first, by subject, a page at a time.</summary>
public static class AuditApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public sealed record AuditView(Guid Id, DateTimeOffset At, string Actor, string Action, string Subject, int? Revision, JsonElement Details);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/matching/audit", ListAsync)
            .RequireAuthorization(MatchingPolicies.Operator)
            .WithTags("Audit")
            .WithName("ListMatchingAudit")
            .WithSummary("Changes to matching's settings (the suggestion rules) and the batches run (subject batch:{id}, with their figures), newest first, each with who, when, and the values before and after. ?subject=&page=&pageSize=")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<Paged<AuditView>>, ValidationProblem>> ListAsync(string? subject, [AsParameters] PageQuery paging, [AsParameters] MatchingRequest call)
    {
        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            return invalid;
        }

        if (subject is { } named && (named.Length > 60 || named.Any(char.IsControl)))
        {
            return Problems.Invalid("subject", "A subject such as suggestion-rules, at most 60 characters. 对象编码有误。");
        }

        var query = call.Db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subject))
        {
            query = query.Where(a => a.Subject == subject);
        }

        var total = await query.CountAsync(call.Cancellation);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Size).ToListAsync(call.Cancellation);
        return TypedResults.Ok(page.Of(entries.Select(e => new AuditView(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Revision, JsonDocument.Parse(e.Details).RootElement.Clone())).ToList(), total));
    }
}
