using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Items;
using Talent.Http;

namespace Talent.Catalogue.Editing;

/// <summary>
/// Drafting: staff of the lead department (or operators) create a first draft, read it, and replace its content with
/// If-Match (428 without, 412 when stale). The state and the department are checked before the body: 409 names the
/// state and what it allows, 403 is another department's item, 400 names each wrong field.
/// </summary>
public static class DraftsApi
{
    private const string ContentRequired = "Content and flowCard are required. 事项内容与流程卡必填。";

    internal static RouteGroupBuilder MapDrafts(this RouteGroupBuilder drafts)
    {
        drafts.MapPost("/", CreateAsync).WithName("CreateDraft").WithSummary("A first draft of a new item.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        drafts.MapGet("/", ListAsync).WithName("ListDrafts").WithSummary("Open drafts and drafts in review the caller may act on (staff: their department's items; operators: all), newest edit first.")
            .ProducesValidationProblem();
        drafts.MapGet("/{id:guid}", GetAsync).WithName("GetDraft").WithSummary("A version the caller's department leads, with its revision as the ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        drafts.MapGet("/{id:guid}/changes", ChangesAsync).WithName("DraftChanges").WithSummary("What the version changes against the item's published version, field by field (everything, for a first version).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        drafts.MapPut("/{id:guid}", EditAsync).WithName("EditDraft").WithSummary("Replaces the draft's content and flow card; needs If-Match with its revision.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return drafts;
    }

    private static async Task<Results<WithETag<Created<VersionView>>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        DraftRequest request, [AsParameters] ChangeContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CatalogueItem.IsValidCode(request.Code))
        {
            errors["code"] = [CatalogueItem.CodeError];
        }

        if (request.Content is null || request.FlowCard is null)
        {
            errors["content"] = [ContentRequired];
        }
        else
        {
            await context.AddRuleErrorsAsync(errors, request.Content, request.FlowCard);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var db = context.Db;
        // One round trip for both: a version of this code, or a directory entry.
        if (await db.Versions.Where(v => v.Code == request.Code).Select(v => v.Code)
            .Concat(db.Items.Where(i => i.Code == request.Code).Select(i => i.Code)).AnyAsync(context.Cancellation))
        {
            return Problems.Of(StatusCodes.Status409Conflict, "An item with this code exists; start a new draft from it instead. 该事项已存在，请基于已发布版本起草。", "code");
        }

        var (draft, refusal) = ItemVersion.StartDraft(request.Code!, request.Content!, request.FlowCard!, Actor.Of(context.User), context.Now());
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }

        db.Versions.Add(draft!);
        context.Audit("draft.created", draft!.Code, new { draft.Version }, draft.LastEditedAt);
        await context.SaveAsync();
        return VersionView.Created(draft);
    }

    private static async Task<Results<WithETag<Ok<VersionView>>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        // Someone else's draft does not exist for you.
        return version is null || !Actor.Of(user).ActsFor(version.Content.LeadDepartment) ? TypedResults.NotFound() : VersionView.Ok(version);
    }

    /// <summary>
    /// The open versions in a state the drafts list takes (none: both), newest edit first; null for any other state. The
    /// states are constants in the SQL, not a parameter: the open versions' partial index (<c>OpenVersionsIndex</c>) serves
    /// a query only where its states prove the index's predicate, which a prepared statement's generic plan cannot do with
    /// a parameter's value.
    /// </summary>
    public static IQueryable<ItemVersion>? OpenVersions(CatalogueDbContext db, string? state)
    {
        var versions = state switch
        {
            null or "" => db.Versions.Where(v => v.State == VersionState.Draft || v.State == VersionState.InReview),
            _ when Enum.TryParse<VersionState>(state, ignoreCase: true, out var one) && one is VersionState.Draft => db.Versions.Where(v => v.State == VersionState.Draft),
            _ when Enum.TryParse<VersionState>(state, ignoreCase: true, out var one) && one is VersionState.InReview => db.Versions.Where(v => v.State == VersionState.InReview),
            _ => null,
        };
        return versions?.AsNoTracking().OrderByDescending(v => v.LastEditedAt);
    }

    /// <summary>
    /// The open versions (draft, in review) the caller may act on. The lead department lives in the version's content
    /// (jsonb), so the filter by department runs here: there is at most one open version an item (a second draft is
    /// refused), so the rows read are bounded by the directory's size.
    /// </summary>
    private static async Task<Results<Ok<Paged<DraftSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] PageQuery paging, string? state, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        if (!paging.TryResolve(out var page, out var badPage))
        {
            return badPage;
        }

        if (OpenVersions(db, state) is not { } versions)
        {
            return Problems.Invalid("state", "draft or inReview. 状态须为 draft（草稿）或 inReview（审核中）。");
        }

        var actor = Actor.Of(user);
        var open = await versions.ToListAsync(ct);
        var visible = open.Where(v => actor.ActsFor(v.Content.LeadDepartment)).ToList();
        return TypedResults.Ok(page.Of<DraftSummary>([.. visible.Skip(page.Skip).Take(page.Size).Select(DraftSummary.Of)], visible.Count));
    }

    private static async Task<Results<Ok<IReadOnlyList<FieldChange>>, NotFound>> ChangesAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null || !Actor.Of(user).ActsFor(version.Content.LeadDepartment))
        {
            return TypedResults.NotFound();
        }

        // Against the version the directory shows now (or, once withdrawn, the last one it showed); a first version against nothing.
        var published = await db.Versions.AsNoTracking()
            .Where(v => v.Code == version.Code && v.Id != version.Id && v.PublishedAt != null && v.Version < version.Version)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);
        return TypedResults.Ok(VersionDiff.Between(published?.Content ?? new ItemContent(), published?.FlowCard ?? new FlowCards.FlowCard(), version.Content, version.FlowCard));
    }

    private static async Task<Results<WithETag<Ok<VersionView>>, NotFound, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, DraftRequest request, HttpRequest http, [AsParameters] ChangeContext context)
    {
        if (!http.TryReadIfMatch(out var expected, out var noRevision, "the draft"))
        {
            return noRevision;
        }

        if (await context.FindVisibleAsync(id) is not { } version)
        {
            return TypedResults.NotFound();
        }

        // State and precondition come before the body: a late or stale editor learns that first.
        var actor = Actor.Of(context.User);
        if (version.CanEdit(actor) is { } notNow)
        {
            return notNow.ToProblem();
        }

        if (expected != version.Revision)
        {
            return Preconditions.Stale("the draft", version.Revision);
        }

        if (request.Content is null || request.FlowCard is null)
        {
            return Problems.Invalid("content", ContentRequired);
        }

        var errors = new Dictionary<string, string[]>();
        await context.AddRuleErrorsAsync(errors, request.Content, request.FlowCard);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (version.Edit(request.Content, request.FlowCard, (int)expected, actor, context.Now()) is { } refusal)
        {
            // State and revision were checked above: what is left is handing the item to another department.
            return refusal.ToProblem();
        }

        context.Audit("draft.edited", version.Code, new { version.Version, version.Revision }, version.LastEditedAt);
        try
        {
            await context.SaveAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Of(StatusCodes.Status412PreconditionFailed, "The draft changed while you saved it. 草稿已被他人修改。", "If-Match");
        }

        return VersionView.Ok(version);
    }
}
