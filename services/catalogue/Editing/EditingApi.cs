namespace Talent.Catalogue.Editing;

/// <summary>
/// The editing workflow over HTTP (editors: operators and lead-department staff with the catalogue scope): drafting
/// (<see cref="DraftsApi"/>), review (<see cref="ReviewApi"/>) and an item's versions (<see cref="ItemVersionsApi"/>).
/// </summary>
public static class EditingApi
{
    public static IEndpointRouteBuilder MapEditingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/catalogue/drafts").WithTags("Drafts").RequireAuthorization(CataloguePolicies.Editor)
            .MapDrafts()
            .MapReview();
        routes.MapGroup("/api/catalogue/items").WithTags("Items")
            .MapItemVersions();
        return routes;
    }
}
