using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Data;
using Talent.Identity.Keys;

namespace Talent.Identity.Admin;

/// <summary>
/// Key rotation: a new signing key is created now and signs from each replica's next start; the older keys stay
/// published until retired, so tokens they signed keep validating until they expire.
/// </summary>
public static class KeysApi
{
    public sealed record KeyView(string Id, string Use, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/keys").RequireAuthorization(IdentityServiceExtensions.AdminPolicy).WithTags("Keys").DisableAntiforgery();
        keys.MapGet("/", ListAsync).WithName("ListKeys").WithSummary("Key material, without the material.");
        keys.MapPost("/rotate", RotateAsync).WithName("RotateSigningKey");
        return routes;
    }

    private static async Task<Ok<List<KeyView>>> ListAsync(IdentityDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Keys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new KeyView(k.Id, k.Use, k.CreatedAt, k.RetiredAt)).ToListAsync(ct));

    private static async Task<Created<KeyView>> RotateAsync(KeyStore store, IdentityDb db, ClaimsPrincipal actor, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = await store.RotateAsync(KeyStore.Signing, ct);
        db.Audit(actor, "key.rotated", key.Id, null, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/keys/{key.Id}", new KeyView(key.Id, key.Use, key.CreatedAt, key.RetiredAt));
    }
}
