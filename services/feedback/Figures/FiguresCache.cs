using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using static Talent.Feedback.Figures.FiguresApi;

namespace Talent.Feedback.Figures;

/// <summary>
/// Answers for a few seconds (<c>Feedback:FiguresCacheFor</c>, 5 s by default) per distinct query, at most 1,000 queries
/// kept: the figures are public and read far more often than they change, and an anonymous route must not let anyone
/// make the database aggregate on every request.
/// </summary>
public sealed class FiguresCache(IOptions<FeedbackOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1000 });

    public async Task<FiguresResponse> GetAsync(string key, Func<Task<FiguresResponse>> compute)
    {
        if (_cache.TryGetValue(key, out FiguresResponse? cached) && cached is not null)
        {
            return cached;
        }

        var response = await compute();
        if (options.Value.FiguresCacheFor > TimeSpan.Zero)
        {
            _cache.Set(key, response, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.FiguresCacheFor });
        }

        return response;
    }

    public void Dispose() => _cache.Dispose();
}
