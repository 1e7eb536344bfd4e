using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Talent.Catalogue.Data;
using Talent.Catalogue.Editing;
using Talent.Catalogue.FlowCards;
using Talent.Catalogue.Search;
using Talent.Catalogue.Stages;
using Talent.Http;

namespace Talent.Catalogue.Items;

/// <summary>The public directory: search over published items, and one item with its flow card (JSON or JSON-LD).</summary>
public static class ItemsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxQueryLength = 200;

    /// <summary>The search's words and filters (repeat <c>stage=</c>, <c>department=</c>, <c>audience=</c> for "any of").</summary>
    public sealed record DirectoryQuery(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "stage")] string[]? Stage,
        [FromQuery(Name = "category")] string? Category,
        [FromQuery(Name = "department")] string[]? Department,
        [FromQuery(Name = "audience")] string[]? Audience);

    public sealed record PublishedItem(string Code, int Version, DateTimeOffset? PublishedAt, ItemContent Content, FlowCard FlowCard);

    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/catalogue/items").WithTags("Items");
        items.MapGet("/", SearchAsync)
            .AllowAnonymous()
            .WithName("SearchItems")
            .WithSummary("Full-text search (Chinese and English) over published items, with filters, facets, snippets and paging.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        items.MapGet("/{code}", GetAsync)
            .AllowAnonymous()
            .WithName("GetItem")
            .WithSummary("The current published version with its flow card; Accept: application/ld+json gives CPSV-AP JSON-LD.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<SearchResult>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [AsParameters] DirectoryQuery query, [AsParameters] PageQuery paging, CatalogueSearchIndex index, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Q is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"A query is at most {MaxQueryLength} characters. 检索词不超过 {MaxQueryLength} 字。"];
        }

        var stages = query.Stage ?? [];
        if (stages.FirstOrDefault(s => !StageNames.IsCode<LifecycleStage>(s)) is { } unknownStage)
        {
            errors["stage"] = [$"Unknown stage '{unknownStage}'; see /api/catalogue/stages. 未知的阶段。"];
        }

        if (query.Category is not null && !StageNames.IsCode<ItemCategory>(query.Category))
        {
            errors["category"] = ["The category is production or life. 类别须为 production（生产服务）或 life（生活服务）。"];
        }

        if (!paging.TryResolve(out var page, out var invalid, DefaultPageSize, MaxPageSize))
        {
            foreach (var (field, messages) in invalid.ProblemDetails.Errors)
            {
                errors[field] = messages;
            }
        }
        else if ((long)page.Number * page.Size > CatalogueSearchIndex.MaxWindow)
        {
            errors["page"] = [$"Results are paged up to the first {CatalogueSearchIndex.MaxWindow}; narrow the query. 仅可翻阅前 {CatalogueSearchIndex.MaxWindow} 条结果，请缩小检索范围。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!index.IsReady)
        {
            try
            {
                await index.Ready.WaitAsync(TimeSpan.FromSeconds(10), ct);
            }
            catch (TimeoutException)
            {
                return TypedResults.Problem(title: "The directory is being indexed; try again shortly. 目录索引正在建立，请稍后再试。", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }

        return TypedResults.Ok(index.Search(new SearchRequest(query.Q, stages, query.Category, query.Department ?? [], query.Audience ?? [], page.Number, page.Size)));
    }

    private static async Task<Results<Ok<PublishedItem>, ContentHttpResult, NotFound>> GetAsync(string code, HttpRequest request, CatalogueDbContext db, CancellationToken ct)
    {
        request.HttpContext.Response.Headers.Vary = "Accept";
        var version = await (
            from item in db.Items.AsNoTracking()
            where item.Code == code && !item.Withdrawn
            join v in db.Versions.AsNoTracking() on new { item.Code, item.Version } equals new { v.Code, v.Version }
            select v).SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return TypedResults.NotFound();
        }

        if (WantsJsonLd(request))
        {
            var authority = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == version.Content.LeadDepartment, ct);
            var basis = version.FlowCard.LegalBasis;
            var policies = await db.Policies.AsNoTracking().Where(p => basis.Contains(p.Code)).OrderBy(p => p.Code).ToListAsync(ct);
            return TypedResults.Text(PublicServiceJsonLd.Of(version, authority, policies).ToJsonString(), PublicServiceJsonLd.MediaType, System.Text.Encoding.UTF8);
        }

        return TypedResults.Ok(new PublishedItem(version.Code, version.Version, version.PublishedAt, version.Content, version.FlowCard));
    }

    private static bool WantsJsonLd(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(PublicServiceJsonLd.MediaType, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
}
