using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Audit;
using Talent.Catalogue.Data;

namespace Talent.Catalogue.Search;

/// <summary>The synonym list, read and replaced by operators (If-Match with its revision; audited).</summary>
public static class SynonymsApi
{
    public sealed record SynonymsView(IReadOnlyList<IReadOnlyList<string>> Groups, int Revision, string UpdatedBy, DateTimeOffset? UpdatedAt);

    public sealed record SynonymsInput(List<List<string?>?>? Groups);

    public static IEndpointRouteBuilder MapSynonymsApi(this IEndpointRouteBuilder routes)
    {
        var synonyms = routes.MapGroup("/api/catalogue/synonyms").WithTags("Search").RequireAuthorization(References.ReferenceApi.OperatorPolicy);
        synonyms.MapGet("/", GetAsync).WithName("GetSynonyms");
        synonyms.MapPut("/", PutAsync).WithName("PutSynonyms").WithSummary("Replaces the whole list; needs If-Match with the current revision.");
        return routes;
    }

    private static async Task<IResult> GetAsync(HttpContext http, CatalogueDbContext db, CancellationToken ct)
    {
        var list = await db.Synonyms.AsNoTracking().SingleOrDefaultAsync(ct);
        http.Response.Headers.ETag = $"\"{list?.Revision ?? 0}\"";
        return TypedResults.Ok(list is null
            ? new SynonymsView(SynonymList.DefaultGroups(), 0, "system", null)
            : new SynonymsView(list.Groups, list.Revision, list.UpdatedBy, list.UpdatedAt));
    }

    private static async Task<IResult> PutAsync(SynonymsInput input, HttpContext http, ClaimsPrincipal user, CatalogueDbContext db, CatalogueSearchIndex index, TimeProvider time, CancellationToken ct)
    {
        if (!int.TryParse(http.Request.Headers.IfMatch.ToString().Trim().Trim('"'), out var expected))
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "Send If-Match with the list's ETag (0 before the first edit). 请在 If-Match 中提供 ETag。");
        }

        var errors = SynonymList.Validate(input.Groups);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow();
        var list = await db.Synonyms.SingleOrDefaultAsync(ct);
        if ((list?.Revision ?? 0) != expected)
        {
            return Problem(StatusCodes.Status412PreconditionFailed, $"The list changed since you read it (now revision {list?.Revision ?? 0}). 同义词表已被修改，请刷新后重试。");
        }

        var before = list?.Groups ?? SynonymList.DefaultGroups();
        if (list is null)
        {
            list = SynonymList.Defaults(now);
            db.Synonyms.Add(list);
        }

        var groups = input.Groups!.Select(g => g!.Select(w => w!.Trim()).Distinct().ToList()).ToList();
        list.Replace(groups, user.FindFirstValue("sub") ?? "", now);
        db.Audit.Add(AuditEntry.Of(user, "synonyms.replaced", "synonyms", new { before, after = groups }, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another operator saved first (the row's revision or the first insert).
            return Problem(StatusCodes.Status412PreconditionFailed, "The list changed while you saved it. 同义词表已被他人修改。");
        }

        index.UseSynonyms(new SynonymSet(list.Groups, list.Revision));
        http.Response.Headers.ETag = $"\"{list.Revision}\"";
        return TypedResults.Ok(new SynonymsView(list.Groups, list.Revision, list.UpdatedBy, list.UpdatedAt));
    }

    private static IResult Problem(int status, string title) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
}
