using System.Security.Claims;
using System.Text.Json;
using Talent.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Admin;

internal static class AdminSupport
{
    public const int MaxPageSize = 100;

    public static (int Page, int PageSize) Paging(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));

    public static void Audit(this IdentityDb db, ClaimsPrincipal actor, string action, string target, object? details, DateTimeOffset at) =>
        db.Audit.Add(new AuditEntry
        {
            At = at,
            Actor = $"{actor.FindFirstValue(Claims.Name)} ({actor.FindFirstValue(Claims.Subject)})",
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
}
