using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Talent.Portal.Account;

/// <summary>
/// Signing in and out (the identity service's page, authorization code with PKCE; the session stays on the server), and
/// the person's preferences (language, elder-friendly display) kept in cookies. All are plain form posts and redirects,
/// so they work with JavaScript off.
/// </summary>
public static class AccountEndpoints
{
    public const string DisplayCookie = "talent.display";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/account/login", (string? returnUrl, HttpContext http) =>
            TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        routes.MapPost("/account/logout", ([FromForm] string? returnUrl) =>
            TypedResults.SignOut(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        routes.MapPost("/preferences/language", ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http) =>
            {
                var chosen = PortalServiceExtensions.Cultures.FirstOrDefault(c => c.Name == culture) ?? PortalServiceExtensions.Cultures[0];
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    Preference(http));
                return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
            })
            .AllowAnonymous().DisableAntiforgery().AddEndpointFilter(SameOriginOnly);
        routes.MapPost("/preferences/display", ([FromForm] string? mode, [FromForm] string? returnUrl, HttpContext http) =>
            {
                http.Response.Cookies.Append(DisplayCookie, mode == "elder" ? "elder" : "standard", Preference(http));
                return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
            })
            .AllowAnonymous().DisableAntiforgery().AddEndpointFilter(SameOriginOnly);
        return routes;
    }

    /// <summary>
    /// The preference forms sit on the cached public pages, which carry no per-visitor antiforgery token; their posts are
    /// refused instead when a browser says they come from another site (Fetch Metadata's <c>Sec-Fetch-Site</c>, else
    /// <c>Origin</c>): a 400 naming the origin. A forged switch could only change a language or the text size.
    /// </summary>
    private static async ValueTask<object?> SameOriginOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var crossSite = request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site
            ? site is not ("same-origin" or "none")
            : request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
        return crossSite
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A form of another site. 请从本站页面提交。",
                extensions: new Dictionary<string, object?> { ["field"] = "origin" })
            : await next(context);
    }

    /// <summary>Only a path on this site; anything else (another host, a scheme, //, \) goes home.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) && !url.Contains('\\')
            ? url
            : "/";

    private static CookieOptions Preference(HttpContext http) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
    };
}
