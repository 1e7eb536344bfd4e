using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Talent.Identity.Account;
using Talent.Identity.Audit;
using Talent.Identity.Data;
using Talent.Messaging.Metrics;

namespace Talent.Identity.Keys;

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
        keys.MapPost("/rotate", RotateAsync).WithName("RotateSigningKey")
            .WithSummary("Adds a newer signing key, used from each replica's next start.");
        return routes;
    }

    private static async Task<Ok<List<KeyView>>> ListAsync(IdentityDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Keys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new KeyView(k.Id, k.Use, k.CreatedAt, k.RetiredAt)).ToListAsync(ct));

    private static async Task<Created<KeyView>> RotateAsync(KeyStore store, BusinessMeters meters, [AsParameters] AuditedChange change)
    {
        await using var transaction = await change.BeginAsync();
        var key = await store.RotateAsync(KeyStore.Signing, change.Cancellation);
        change.Record("key.rotated", key.Id, null);
        await change.CommitAsync(transaction);
        meters.Add(IdentityMeters.KeyRotations);
        return TypedResults.Created($"/api/keys/{key.Id}", new KeyView(key.Id, key.Use, key.CreatedAt, key.RetiredAt));
    }
}
