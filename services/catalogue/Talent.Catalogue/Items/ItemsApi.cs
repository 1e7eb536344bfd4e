using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Talent.Catalogue.Data;
using Talent.Messaging.Outbox;

namespace Talent.Catalogue.Items;

public static class ItemsApi
{
    /// <summary>Operators, and department staff, with the catalogue scope.</summary>
    public const string EditorPolicy = "catalogue-editor";

    public sealed record CreateItemRequest(string? Code, string? TitleZh, string? TitleEn, string? LeadDepartment);

    public sealed record ItemResponse(string Code, int Version, string TitleZh, string? TitleEn, string LeadDepartment, DateTimeOffset PublishedAt);

    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/catalogue/items").WithTags("Items");
        items.MapPost("/", CreateAsync)
            .RequireAuthorization(EditorPolicy)
            .WithName("CreateItem")
            .WithSummary("Temporary (walking skeleton): store and publish an item; replaced by the drafting workflow.");
        items.MapGet("/{code}", GetAsync)
            .AllowAnonymous()
            .WithName("GetItem")
            .WithSummary("The published item with this code.");
        return routes;
    }

    private static async Task<Results<Created<ItemResponse>, ValidationProblem, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult>> CreateAsync(
        CreateItemRequest request, ClaimsPrincipal user, CatalogueDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = CatalogueItem.Validate(request.Code, request.TitleZh, request.TitleEn, request.LeadDepartment);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!user.ActsFor(request.LeadDepartment!))
        {
            return TypedResults.Problem(
                title: "Staff may only publish their own department's items. 工作人员只能发布本部门牵头的事项。",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["field"] = "leadDepartment" });
        }

        var (item, published) = CatalogueItem.Publish(request.Code!, request.TitleZh!, request.TitleEn, request.LeadDepartment!, time.GetUtcNow());
        db.Items.Add(item);
        db.RecordEvent(published);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Conflict(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Title = "An item with this code exists. 该事项编码已存在。",
                Status = StatusCodes.Status409Conflict,
                Extensions = { ["field"] = "code" },
            });
        }

        return TypedResults.Created($"/api/catalogue/items/{item.Code}", ToResponse(item));
    }

    private static async Task<Results<Ok<ItemResponse>, NotFound>> GetAsync(string code, CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code && !i.Withdrawn, cancellationToken);
        return item is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(item));
    }

    private static ItemResponse ToResponse(CatalogueItem item) => new(item.Code, item.Version, item.TitleZh, item.TitleEn, item.LeadDepartment, item.PublishedAt);
}
