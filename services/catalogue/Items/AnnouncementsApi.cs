using Microsoft.AspNetCore.Http.HttpResults;
using Talent.Catalogue.Data;
using Talent.Messaging.Metrics;

namespace Talent.Catalogue.Items;

/// <summary>Operators re-announce the directory on request, for a service that keeps a copy and missed the events.</summary>
public static class AnnouncementsApi
{
    public sealed record AnnouncedView(int Announced);

    public static IEndpointRouteBuilder MapAnnouncementsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/catalogue/announcements", AnnounceAsync)
            .RequireAuthorization(CataloguePolicies.Operator)
            .WithTags("Items")
            .WithName("AnnounceCatalogue")
            .WithSummary("Operators: publish CatalogueItemPublished again for every item in the directory, for a service that keeps a copy and missed them.");
        return routes;
    }

    private static async Task<Ok<AnnouncedView>> AnnounceAsync(BusinessMeters meters, [AsParameters] ChangeContext context)
    {
        var count = await Announcements.AnnounceAllAsync(context.Db, context.Cancellation);
        context.Audit("catalogue.announced", "manual", new { items = count }, context.Now());
        await context.SaveAsync();
        meters.Add(CatalogueMeters.Announced, count);
        return TypedResults.Ok(new AnnouncedView(count));
    }
}
