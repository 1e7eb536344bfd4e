using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Search;
using Talent.Http;
using Talent.Messaging.Outbox;

namespace Talent.Catalogue.Editing;

/// <summary>
/// An item's versions: the next draft from the published one, withdrawal (operators, with a reason; raises
/// <c>CatalogueItemWithdrawn</c>), and for anyone the published history and the field-by-field difference.
/// </summary>
public static class ItemVersionsApi
{
    internal static RouteGroupBuilder MapItemVersions(this RouteGroupBuilder items)
    {
        items.MapPost("/{code}/drafts", StartNextAsync).RequireAuthorization(CataloguePolicies.Editor)
            .WithName("StartNextDraft").WithSummary("The next version's draft, a copy of the published one.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        items.MapPost("/{code}/withdraw", WithdrawAsync).RequireAuthorization(CataloguePolicies.Operator)
            .WithName("WithdrawItem").WithSummary("Operators: takes the item out of the directory, with a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        items.MapGet("/{code}/versions", HistoryAsync).AllowAnonymous()
            .WithName("ItemHistory").WithSummary("Published versions, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        items.MapGet("/{code}/versions/{a:int}/diff/{b:int}", DiffAsync).AllowAnonymous()
            .WithName("DiffVersions").WithSummary("What changed between two published versions, field by field.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return items;
    }

    private static async Task<Results<WithETag<Created<VersionView>>, NotFound, ProblemHttpResult>> StartNextAsync(string code, [AsParameters] ChangeContext context)
    {
        var db = context.Db;
        var published = await db.Versions.SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, context.Cancellation);
        if (published is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Versions.AnyAsync(v => v.Code == code && (v.State == VersionState.Draft || v.State == VersionState.InReview), context.Cancellation))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "A draft of this item is already open. 该事项已有未完成的草稿。", "code");
        }

        var (draft, refusal) = published.StartNextDraft(Actor.Of(context.User), context.Now());
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }

        db.Versions.Add(draft!);
        context.Audit("draft.started", draft!.Code, new { draft.Version }, draft.LastEditedAt);
        await context.SaveAsync();
        return VersionView.Created(draft);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string code, ReasonRequest request, CatalogueSearchIndex index, [AsParameters] ChangeContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return Problems.Invalid("reason", "A reason is required (at most 2,000 characters). 下架须说明原因。");
        }

        var db = context.Db;
        var published = await db.Versions.SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, context.Cancellation);
        var entry = await db.Items.SingleOrDefaultAsync(i => i.Code == code && !i.Withdrawn, context.Cancellation);
        if (published is null || entry is null)
        {
            return TypedResults.NotFound();
        }

        var now = context.Now();
        if (published.Withdraw(request.Reason, Actor.Of(context.User), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        db.RecordEvent(entry.Withdraw(request.Reason, now));
        context.Audit("item.withdrawn", code, new { published.Version, reason = request.Reason }, now);
        await context.SaveAsync();
        index.Remove(code);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<PublishedVersionView>>, NotFound>> HistoryAsync(string code, CatalogueDbContext db, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.Code == code && v.PublishedAt != null)
            .OrderByDescending(v => v.Version)
            .ToListAsync(ct);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions.Select(PublishedVersionView.Of).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<FieldChange>>, NotFound>> DiffAsync(string code, int a, int b, CatalogueDbContext db, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.Code == code && v.PublishedAt != null && (v.Version == a || v.Version == b))
            .ToListAsync(ct);
        var from = versions.SingleOrDefault(v => v.Version == a);
        var to = versions.SingleOrDefault(v => v.Version == b);
        return from is null || to is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(VersionDiff.Between(from.Content, from.FlowCard, to.Content, to.FlowCard));
    }
}
