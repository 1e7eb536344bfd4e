using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Http;
using Talent.Matching.Audit;
using Talent.Matching.Data;

namespace Talent.Matching.Suggestions;

/// <summary>
/// The proactive-suggestion rules, which operators edit as data: read with their revision as the ETag, replaced as a
/// whole with If-Match (428 without, 412 when stale), every replacement in the audit trail with the rules before and after.
/// </summary>
public static class SuggestionRulesApi
{
    public const string Subject = "suggestion-rules";

    /// <summary>Replacements queue behind this transaction-scoped lock, so each one compares its If-Match with the latest revision.</summary>
    private const long ReplaceLock = 0x5_0660_5710;

    public static IEndpointRouteBuilder MapSuggestionRulesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/matching").WithTags("Suggestions").RequireAuthorization(MatchingPolicies.Operator);
        api.MapGet("/suggestion-rules", ListAsync).WithName("ListSuggestionRules")
            .WithSummary("The proactive-suggestion rules, by code; the ETag is their revision (0 until the first change).");
        api.MapPut("/suggestion-rules", ReplaceAsync).WithName("ReplaceSuggestionRules")
            .WithSummary("Replaces the whole list of rules; needs If-Match with the current revision; audited (GET /api/matching/audit?subject=suggestion-rules).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    private static async Task<WithETag<Ok<List<SuggestionRule>>>> ListAsync([AsParameters] MatchingRequest call)
    {
        var (db, ct) = (call.Db, call.Cancellation);
        var rules = await db.SuggestionRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        return TypedResults.Ok(rules).WithETag(await RevisionAsync(db, ct));
    }

    private static async Task<Results<WithETag<Ok<List<SuggestionRule>>>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        List<SuggestionRule?>? rules, HttpRequest http, [AsParameters] MatchingRequest call)
    {
        if (!http.TryReadIfMatch(out var expected, out var noRevision, "the rules"))
        {
            return noRevision;
        }

        var errors = SuggestionRule.Validate(rules);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // All or nothing: readers never see half a list, and the audit entry exists exactly when the change does.
        var (db, ct) = (call.Db, call.Cancellation);
        var after = rules!.Select(r => r!.Normalised()).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ReplaceLock})", ct);
        var current = await RevisionAsync(db, ct);
        if (current != expected)
        {
            return Preconditions.Stale("the rules", current);
        }

        var before = await db.SuggestionRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        await db.SuggestionRules.ExecuteDeleteAsync(ct);
        db.SuggestionRules.AddRange(after);
        db.Audit.Add(AuditEntry.Of(call.User, "suggestion-rules.replaced", Subject, current + 1, new { before, after }, call.Time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The net under the lock: somebody made this revision first (the audit trail's subject and revision are unique).
            return Preconditions.Stale("the rules");
        }

        return TypedResults.Ok(after).WithETag(current + 1);
    }

    /// <summary>The rules' revision: the number of the latest change in the audit trail, 0 for the seeded defaults.</summary>
    private static async Task<int> RevisionAsync(MatchingDbContext db, CancellationToken ct) =>
        await db.Audit.Where(a => a.Subject == Subject).MaxAsync(a => a.Revision, ct) ?? 0;
}
