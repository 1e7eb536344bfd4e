using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Items;
using Talent.Catalogue.Search;
using Talent.Http;
using Talent.Messaging.Metrics;
using Talent.Messaging.Outbox;

namespace Talent.Catalogue.Editing;

/// <summary>
/// Review: staff submit their draft, operators return it with a comment or publish it. Publishing shows the version in the
/// directory, raises <c>CatalogueItemPublished</c> (with the full flow card) through the outbox and indexes it at once.
/// </summary>
public static class ReviewApi
{
    internal static RouteGroupBuilder MapReview(this RouteGroupBuilder drafts)
    {
        drafts.MapPost("/{id:guid}/submit", SubmitAsync).WithName("SubmitDraft").WithSummary("Staff: hands the draft to the operators for review.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        drafts.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(CataloguePolicies.Operator).WithName("ReturnDraft").WithSummary("Operators: sends a draft in review back, with a comment saying what to change.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        drafts.MapPost("/{id:guid}/publish", PublishAsync).RequireAuthorization(CataloguePolicies.Operator).WithName("PublishDraft").WithSummary("Operators: publishes a draft in review; the previous version is superseded.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return drafts;
    }

    private static async Task<Results<WithETag<Ok<VersionView>>, NotFound, ProblemHttpResult>> SubmitAsync(Guid id, [AsParameters] ChangeContext context)
    {
        if (await context.FindVisibleAsync(id) is not { } version)
        {
            return TypedResults.NotFound();
        }

        var now = context.Now();
        if (version.Submit(Actor.Of(context.User), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        context.Audit("draft.submitted", version.Code, new { version.Version, version.Revision, note = (string?)null }, now);
        await context.SaveAsync();
        return VersionView.Ok(version);
    }

    private static async Task<Results<WithETag<Ok<VersionView>>, NotFound, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        Guid id, ReasonRequest request, [AsParameters] ChangeContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Comment) || request.Comment.Length > 2000)
        {
            return Problems.Invalid("comment", "A comment (at most 2,000 characters) says what to change. 退回须说明修改意见。");
        }

        if (await context.FindVisibleAsync(id) is not { } version)
        {
            return TypedResults.NotFound();
        }

        var now = context.Now();
        if (version.Return(request.Comment, Actor.Of(context.User), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        context.Audit("draft.returned", version.Code, new { version.Version, version.Revision, note = request.Comment }, now);
        await context.SaveAsync();
        return VersionView.Ok(version);
    }

    private static async Task<Results<WithETag<Ok<VersionView>>, NotFound, ProblemHttpResult>> PublishAsync(
        Guid id, CatalogueSearchIndex index, BusinessMeters meters, [AsParameters] ChangeContext context)
    {
        if (await context.FindVisibleAsync(id) is not { } version)
        {
            return TypedResults.NotFound();
        }

        var now = context.Now();
        if (version.Publish(Actor.Of(context.User), now) is { } refusal)
        {
            return refusal.ToProblem();
        }

        var db = context.Db;
        foreach (var previous in await db.Versions.Where(v => v.Code == version.Code && v.Id != version.Id && v.State == VersionState.Published).ToListAsync(context.Cancellation))
        {
            previous.Supersede();
        }

        var entry = await db.Items.SingleOrDefaultAsync(i => i.Code == version.Code, context.Cancellation);
        if (entry is null)
        {
            entry = CatalogueItem.For(version.Code);
            db.Items.Add(entry);
        }

        db.RecordEvent(entry.ShowPublished(version, now));
        context.Audit("item.published", version.Code, new { version.Version }, now);
        await context.SaveAsync();
        meters.Add(CatalogueMeters.Published);
        await index.UpsertAsync(IndexedItem.Of(version, await SearchLoader.ServiceItemTitlesAsync(db, context.Cancellation, version.Content.ServiceItems)));
        return VersionView.Ok(version);
    }
}
