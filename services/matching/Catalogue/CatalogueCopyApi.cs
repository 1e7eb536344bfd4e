using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Matching.Data;
using Talent.ReadModels;

namespace Talent.Matching.Catalogue;

public static class CatalogueCopyApi
{
    public sealed record CatalogueItemCopyResponse(string Code, int Version, string TitleZh, string? TitleEn, string? Category, IReadOnlyList<string> Stages, string? LeadDepartment, bool Withdrawn, DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt);

    public static IEndpointRouteBuilder MapCatalogueCopyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/matching/catalogue/{code}", GetAsync)
            .WithTags("Catalogue copy")
            .AllowAnonymous() // published catalogue data, public by nature
            .WithName("GetCatalogueCopy")
            .WithSummary("This service's copy of a published catalogue item.");
        return routes;
    }

    private static async Task<Results<Ok<CatalogueItemCopyResponse>, NotFound>> GetAsync(string code, MatchingDbContext db, CancellationToken cancellationToken)
    {
        var copy = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        return copy is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new CatalogueItemCopyResponse(copy.Code, copy.Version, copy.TitleZh, copy.TitleEn, copy.Category, copy.Stages, copy.LeadDepartment, copy.Withdrawn, copy.PublishedAt, copy.ReceivedAt));
    }
}
