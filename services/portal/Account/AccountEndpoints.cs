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
            .AllowAnonymous();
        routes.MapPost("/preferences/display", ([FromForm] string? mode, [FromForm] string? returnUrl, HttpContext http) =>
            {
                http.Response.Cookies.Append(DisplayCookie, mode == "elder" ? "elder" : "standard", Preference(http));
                return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
            })
            .AllowAnonymous();
        return routes;
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
