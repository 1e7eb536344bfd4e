using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Talent.Contracts.Catalogue;

namespace Talent.ReadModels;

/// <summary><c>GET {prefix}/catalogue/{code}</c>: the service's copy of a published item, to see what it received.</summary>
public static class CatalogueCopyApi
{
    public sealed record CatalogueItemCopyResponse(
        string Code, int Version, string TitleZh, string? TitleEn, string? Category, IReadOnlyList<string> Stages, string? LeadDepartment,
        bool Withdrawn, DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt, FlowCardSnapshot? FlowCard);

    public static IEndpointRouteBuilder MapCatalogueCopyApi<TDb>(this IEndpointRouteBuilder routes, string prefix)
        where TDb : DbContext
    {
        routes.MapGet($"{prefix}/catalogue/{{code}}", GetAsync<TDb>)
            .WithTags("Catalogue copy")
            .AllowAnonymous() // published catalogue data, public by nature
            .WithName("GetCatalogueCopy")
            .WithSummary("This service's copy of a published catalogue item (with the flow card where the service keeps versions).");
        return routes;
    }

    private static async Task<Results<Ok<CatalogueItemCopyResponse>, NotFound>> GetAsync<TDb>(string code, TDb db, CancellationToken cancellationToken)
        where TDb : DbContext
    {
        var copy = await db.Set<CatalogueItemCopy>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        if (copy is null)
        {
            return TypedResults.NotFound();
        }

        var version = db.Model.FindEntityType(typeof(CatalogueVersionCopy)) is null
            ? null
            : await db.Set<CatalogueVersionCopy>().AsNoTracking().SingleOrDefaultAsync(v => v.Code == code && v.Version == copy.Version, cancellationToken);
        return TypedResults.Ok(new CatalogueItemCopyResponse(
            copy.Code, copy.Version, copy.TitleZh, copy.TitleEn, copy.Category, copy.Stages, copy.LeadDepartment, copy.Withdrawn, copy.PublishedAt, copy.ReceivedAt, version?.FlowCard));
    }
}
