using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Items;
using Talent.Catalogue.Search;
using Talent.Messaging.Outbox;

namespace Talent.Catalogue.Editing;

/// <summary>
/// The editing workflow over HTTP: staff of the lead department draft and submit, operators publish or return,
/// withdraw. Refusals: 403 (not yours), 409 (not in this state: the problem names the state and what is allowed),
/// 412 (If-Match does not match the draft's revision), 400 (field-named errors). Publishing raises
/// <c>CatalogueItemPublished</c>, withdrawal <c>CatalogueItemWithdrawn</c>, through the outbox.
/// </summary>
public static class DraftsApi
{
    public sealed record DraftRequest(string? Code, ItemContent? Content, FlowCard? FlowCard);

    public sealed record ReasonRequest(string? Comment, string? Reason);

    public sealed record VersionView(Guid Id, string Code, int Version, int Revision, string State, ItemContent Content, FlowCard FlowCard, string? ReturnComment, string LastEditedBy, DateTimeOffset LastEditedAt, DateTimeOffset? PublishedAt);

    public static IEndpointRouteBuilder MapDraftsApi(this IEndpointRouteBuilder routes)
    {
        var drafts = routes.MapGroup("/api/catalogue/drafts").WithTags("Drafts").RequireAuthorization(ItemsApi.EditorPolicy);
        drafts.MapPost("/", CreateAsync).WithName("CreateDraft").WithSummary("A first draft of a new item.");
        drafts.MapGet("/{id:guid}", GetAsync).WithName("GetDraft");
        drafts.MapPut("/{id:guid}", EditAsync).WithName("EditDraft").WithSummary("Replaces the draft's content and flow card; needs If-Match with its revision.");
        drafts.MapPost("/{id:guid}/submit", (Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct) =>
            TransitionAsync(id, user, db, time, "draft.submitted", null, (v, a, now) => v.Submit(a, now), ct)).WithName("SubmitDraft");
        drafts.MapPost("/{id:guid}/return", ReturnAsync).WithName("ReturnDraft");
        drafts.MapPost("/{id:guid}/publish", PublishAsync).WithName("PublishDraft");

        var items = routes.MapGroup("/api/catalogue/items").WithTags("Items");
        items.MapPost("/{code}/drafts", StartNextAsync).RequireAuthorization(ItemsApi.EditorPolicy).WithName("StartNextDraft");
        items.MapPost("/{code}/withdraw", WithdrawAsync).RequireAuthorization(ItemsApi.EditorPolicy).WithName("WithdrawItem");
        items.MapGet("/{code}/versions", HistoryAsync).AllowAnonymous().WithName("ItemHistory").WithSummary("Published versions, newest first.");
        items.MapGet("/{code}/versions/{a:int}/diff/{b:int}", DiffAsync).AllowAnonymous().WithName("DiffVersions");
        return routes;
    }

    private static async Task<IResult> CreateAsync(DraftRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!CatalogueItem.IsValidCode(request.Code))
        {
            errors["code"] = [CatalogueItem.CodeError];
        }

        if (request.Content is null || request.FlowCard is null)
        {
            errors["content"] = ["Content and flowCard are required. 事项内容与流程卡必填。"];
        }
        else
        {
            await AddRuleErrorsAsync(errors, request.Content, request.FlowCard, db, ct);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Versions.AnyAsync(v => v.Code == request.Code, ct) || await db.Items.AnyAsync(i => i.Code == request.Code, ct))
        {
            return Problem(StatusCodes.Status409Conflict, "An item with this code exists; start a new draft from it instead. 该事项已存在，请基于已发布版本起草。", "code");
        }

        var (draft, refusal) = ItemVersion.StartDraft(request.Code!, request.Content!, request.FlowCard!, ActorOf(user), time.GetUtcNow());
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.Versions.Add(draft!);
        db.Audit.Add(AuditEntry.Of(user, "draft.created", draft!.Code, new { draft.Version }, draft.LastEditedAt));
        await db.SaveChangesAsync(ct);
        return Versioned(TypedResults.Created($"/api/catalogue/drafts/{draft.Id}", View(draft)), draft);
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CancellationToken ct)
    {
        var version = await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        // Someone else's draft does not exist for you.
        return version is null || !ActorOf(user).ActsFor(version.Content.LeadDepartment) ? TypedResults.NotFound() : Versioned(TypedResults.Ok(View(version)), version);
    }

    private static async Task<IResult> EditAsync(Guid id, DraftRequest request, HttpRequest http, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!TryRevision(http, out var expected))
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "Send If-Match with the draft's ETag. 请在 If-Match 中提供草稿的 ETag。", "If-Match");
        }

        var version = await db.Versions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null || !ActorOf(user).ActsFor(version.Content.LeadDepartment))
        {
            return TypedResults.NotFound();
        }

        // State and precondition come before the body: a late or stale editor learns that first.
        if (version.CanEdit(ActorOf(user)) is { } notNow)
        {
            return Refused(notNow);
        }

        if (expected != version.Revision)
        {
            return Problem(StatusCodes.Status412PreconditionFailed, $"The draft changed since you read it (now revision {version.Revision}). 草稿已被他人修改，请刷新后重试。", "If-Match");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Content is null || request.FlowCard is null)
        {
            errors["content"] = ["Content and flowCard are required. 事项内容与流程卡必填。"];
            return TypedResults.ValidationProblem(errors);
        }

        await AddRuleErrorsAsync(errors, request.Content, request.FlowCard, db, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var refusal = version.Edit(request.Content, request.FlowCard, expected, ActorOf(user), time.GetUtcNow());
        if (refusal is not null)
        {
            // State and revision were checked above: what is left is handing the item to another department.
            return Refused(refusal);
        }

        db.Audit.Add(AuditEntry.Of(user, "draft.edited", version.Code, new { version.Version, version.Revision }, version.LastEditedAt));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem(StatusCodes.Status412PreconditionFailed, "The draft changed while you saved it. 草稿已被他人修改。", "If-Match");
        }

        return Versioned(TypedResults.Ok(View(version)), version);
    }

    private static Task<IResult> ReturnAsync(Guid id, ReasonRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Comment) || request.Comment.Length > 2000
            ? Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["A comment (at most 2,000 characters) says what to change. 退回须说明修改意见。"] }))
            : TransitionAsync(id, user, db, time, "draft.returned", request.Comment, (v, a, now) => v.Return(request.Comment, a, now), ct);

    private static async Task<IResult> PublishAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, CatalogueSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        var version = await db.Versions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null || !ActorOf(user).ActsFor(version.Content.LeadDepartment))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var refusal = version.Publish(ActorOf(user), now);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        foreach (var previous in await db.Versions.Where(v => v.Code == version.Code && v.Id != version.Id && v.State == VersionState.Published).ToListAsync(ct))
        {
            previous.Supersede();
        }

        var entry = await db.Items.SingleOrDefaultAsync(i => i.Code == version.Code, ct);
        if (entry is null)
        {
            entry = CatalogueItem.For(version.Code);
            db.Items.Add(entry);
        }

        db.RecordEvent(entry.ShowPublished(version, now));
        db.Audit.Add(AuditEntry.Of(user, "item.published", version.Code, new { version.Version }, now));
        await db.SaveChangesAsync(ct);
        index.Upsert(IndexedItem.Of(version, await SearchLoader.ServiceItemTitlesAsync(db, ct)));
        return Versioned(TypedResults.Ok(View(version)), version);
    }

    private static async Task<IResult> StartNextAsync(string code, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken ct)
    {
        var published = await db.Versions.SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, ct);
        if (published is null)
        {
            return TypedResults.NotFound();
        }

        if (await db.Versions.AnyAsync(v => v.Code == code && (v.State == VersionState.Draft || v.State == VersionState.InReview), ct))
        {
            return Problem(StatusCodes.Status409Conflict, "A draft of this item is already open. 该事项已有未完成的草稿。", "code");
        }

        var (draft, refusal) = published.StartNextDraft(ActorOf(user), time.GetUtcNow());
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.Versions.Add(draft!);
        db.Audit.Add(AuditEntry.Of(user, "draft.started", draft!.Code, new { draft.Version }, draft.LastEditedAt));
        await db.SaveChangesAsync(ct);
        return Versioned(TypedResults.Created($"/api/catalogue/drafts/{draft.Id}", View(draft)), draft);
    }

    private static async Task<IResult> WithdrawAsync(string code, ReasonRequest request, ClaimsPrincipal user, CatalogueDbContext db, CatalogueSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["A reason is required (at most 2,000 characters). 下架须说明原因。"] });
        }

        var published = await db.Versions.SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, ct);
        var entry = await db.Items.SingleOrDefaultAsync(i => i.Code == code && !i.Withdrawn, ct);
        if (published is null || entry is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var refusal = published.Withdraw(request.Reason, ActorOf(user), now);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.RecordEvent(entry.Withdraw(request.Reason, now));
        db.Audit.Add(AuditEntry.Of(user, "item.withdrawn", code, new { published.Version, reason = request.Reason }, now));
        await db.SaveChangesAsync(ct);
        index.Remove(code);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> HistoryAsync(string code, CatalogueDbContext db, CancellationToken ct)
    {
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.Code == code && v.PublishedAt != null)
            .OrderByDescending(v => v.Version)
            .ToListAsync(ct);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions.Select(View));
    }

    private static async Task<IResult> DiffAsync(string code, int a, int b, CatalogueDbContext db, CancellationToken ct)
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

    private static async Task<IResult> TransitionAsync(Guid id, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, string action, string? note, Func<ItemVersion, Actor, DateTimeOffset, Refusal?> transition, CancellationToken ct)
    {
        var version = await db.Versions.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (version is null || !ActorOf(user).ActsFor(version.Content.LeadDepartment))
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var refusal = transition(version, ActorOf(user), now);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.Audit.Add(AuditEntry.Of(user, action, version.Code, new { version.Version, version.Revision, note }, now));
        await db.SaveChangesAsync(ct);
        return Versioned(TypedResults.Ok(View(version)), version);
    }

    private static async Task AddRuleErrorsAsync(Dictionary<string, string[]> errors, ItemContent content, FlowCard card, CatalogueDbContext db, CancellationToken ct)
    {
        var references = await db.ReferenceCodesAsync(ct);
        foreach (var (key, value) in content.Validate(references).Concat(FlowCardRules.Validate(card, references)))
        {
            errors.TryAdd($"{(key.StartsWith("flowCard", StringComparison.Ordinal) ? "" : "content.")}{key}", value);
        }
    }

    private static Actor ActorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue("sub") ?? "", user.IsInRole("operator"), user.IsInRole("staff") ? user.Department() : null);

    private static bool TryRevision(HttpRequest http, out int revision)
    {
        revision = 0;
        var tag = http.Headers.IfMatch.ToString().Trim().Trim('"');
        return tag.Length > 0 && int.TryParse(tag, out revision);
    }

    private static IResult Versioned(IResult result, ItemVersion version) => new WithETag(result, version.Revision);

    private static IResult Refused(Refusal refusal) =>
        TypedResults.Problem(
            title: refusal.Message,
            statusCode: refusal.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["state"] = refusal.State.ToString(), ["allowedActions"] = refusal.Allowed });

    private static IResult Problem(int status, string title, string field) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static VersionView View(ItemVersion v) =>
        new(v.Id, v.Code, v.Version, v.Revision, v.State.ToString(), v.Content, v.FlowCard, v.ReturnComment, v.LastEditedBy, v.LastEditedAt, v.PublishedAt);

    /// <summary>Adds the revision as the response's ETag.</summary>
    private sealed class WithETag(IResult inner, int revision) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = $"\"{revision}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
