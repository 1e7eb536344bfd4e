using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Talent.Portal.Account;

namespace Talent.Portal;

/// <summary>
/// The public pages (home, search, an item, its versions) are the same for every visitor without a session in one
/// language and display mode: rendered once, then served from the portal's memory for <c>Portal:PublicCacheSeconds</c>
/// (0 turns it off). Never for a signed-in person (their pages are theirs), never an answer that sets a cookie or is not
/// a 200. The pages hold no per-visitor token: their only posts (language, display) are checked by origin instead
/// (<see cref="AccountEndpoints"/>).
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string PolicyName = "public-page";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var seconds = context.HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PublicCacheSeconds;
        var cacheable = seconds > 0
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Cookies.ContainsKey(PortalServiceExtensions.SessionCookie)
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(seconds, 1));
        context.CacheVaryByRules.QueryKeys = "*";
        // Blazor's enhanced navigation asks with its own Accept; the language and display mode change the page.
        context.CacheVaryByRules.HeaderNames = HeaderNames.Accept;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["display"] = request.Cookies[AccountEndpoints.DisplayCookie] == "elder" ? "elder" : "standard";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
