using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Talent.Portal.Apis;

/// <summary>
/// The catalogue's public answers (published items, their versions, searches) kept a few seconds in the portal: the
/// same for every person, so a page need not cross the gateway to the catalogue for each visitor. Bounded (at most
/// <see cref="PortalOptions.PublicCacheEntries"/> answers, least recently used go first) and short-lived
/// (<see cref="PortalOptions.PublicCacheSeconds"/>): a newly published version shows within that time. Only successful
/// answers are kept; a failure or "not found" is asked again on the next visit.
/// </summary>
public sealed class PublicCatalogueCache(IOptions<PortalOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.PublicCacheEntries });
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.PublicCacheSeconds);

    public async Task<ApiResult<T>> GetAsync<T>(string key, Func<Task<ApiResult<T>>> fetch)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return await fetch();
        }

        if (_cache.TryGetValue(key, out ApiResult<T>? kept) && kept is not null)
        {
            return kept;
        }

        var answer = await fetch();
        if (answer.Ok)
        {
            _cache.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return answer;
    }

    public void Dispose() => _cache.Dispose();
}
