using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Http;

namespace Talent.Catalogue.Search;

/// <summary>The synonym list, read and replaced by operators (If-Match with its revision; audited).</summary>
public static class SynonymsApi
{
    public sealed record SynonymsView(IReadOnlyList<IReadOnlyList<string>> Groups, int Revision, string UpdatedBy, DateTimeOffset? UpdatedAt);

    public sealed record SynonymsInput(List<List<string?>?>? Groups);

    public static IEndpointRouteBuilder MapSynonymsApi(this IEndpointRouteBuilder routes)
    {
        var synonyms = routes.MapGroup("/api/catalogue/synonyms").WithTags("Search").RequireAuthorization(CataloguePolicies.Operator);
        synonyms.MapGet("/", GetAsync).WithName("GetSynonyms").WithSummary("The synonym list, with its revision as the ETag (0 before the first edit).");
        synonyms.MapPut("/", PutAsync).WithName("PutSynonyms").WithSummary("Replaces the whole list; needs If-Match with the current revision.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return routes;
    }

    private static async Task<WithETag<Ok<SynonymsView>>> GetAsync(CatalogueDbContext db, CancellationToken ct)
    {
        var list = await db.Synonyms.AsNoTracking().SingleOrDefaultAsync(ct);
        var view = list is null
            ? new SynonymsView(SynonymList.DefaultGroups(), 0, "system", null)
            : new SynonymsView(list.Groups, list.Revision, list.UpdatedBy, list.UpdatedAt);
        return TypedResults.Ok(view).WithETag(view.Revision);
    }

    private static async Task<Results<WithETag<Ok<SynonymsView>>, ValidationProblem, ProblemHttpResult>> PutAsync(
        SynonymsInput input, HttpRequest http, CatalogueSearchIndex index, [AsParameters] ChangeContext context)
    {
        if (!http.TryReadIfMatch(out var expected, out var noRevision, "the list"))
        {
            return noRevision;
        }

        var errors = SynonymList.Validate(input.Groups);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = context.Now();
        var list = await context.Db.Synonyms.SingleOrDefaultAsync(context.Cancellation);
        if ((list?.Revision ?? 0) != expected)
        {
            return Preconditions.Stale("the list", list?.Revision ?? 0);
        }

        var before = list?.Groups ?? SynonymList.DefaultGroups();
        if (list is null)
        {
            list = SynonymList.Defaults(now);
            context.Db.Synonyms.Add(list);
        }

        var groups = input.Groups!.Select(g => g!.Select(w => w!.Trim()).Distinct().ToList()).ToList();
        list.Replace(groups, context.User.FindFirstValue("sub") ?? "", now);
        context.Audit("synonyms.replaced", "synonyms", new { before, after = groups }, now);
        try
        {
            await context.SaveAsync();
        }
        catch (DbUpdateException)
        {
            // Another operator saved first (the row's revision or the first insert).
            return Problems.Of(StatusCodes.Status412PreconditionFailed, "The list changed while you saved it. 同义词表已被他人修改。", "If-Match");
        }

        index.UseSynonyms(new SynonymSet(list.Groups, list.Revision));
        return TypedResults.Ok(new SynonymsView(list.Groups, list.Revision, list.UpdatedBy, list.UpdatedAt)).WithETag(list.Revision);
    }
}
