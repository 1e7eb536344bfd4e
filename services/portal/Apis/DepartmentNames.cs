using Microsoft.Extensions.Caching.Memory;
using Talent.Portal.Components.Shared;

namespace Talent.Portal.Apis;

/// <summary>
/// Departments' names by code, for pages that show codes from the APIs (facets, lead departments, steps): read from the
/// catalogue's public list and kept ten minutes. A code the list does not know is shown as it is.
/// </summary>
public sealed class DepartmentNames(CatalogueApi catalogue, IMemoryCache cache)
{
    public async Task<Func<string, string>> NamerAsync(CancellationToken ct)
    {
        var names = await cache.GetOrCreateAsync("portal:departments", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var list = await catalogue.DepartmentsAsync(ct);
            if (!list.Ok)
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10);
            }

            return (list.Value ?? []).ToDictionary(d => d.Code, StringComparer.Ordinal);
        }) ?? [];
        return code => names.TryGetValue(code, out var d) ? Text.Pick(d.NameZh, d.NameEn) : code;
    }
}
