using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Talent.Portal.Account;

/// <summary>
/// The signed-in person's access token for this request, refreshed on the server when it is about to expire (the refresh
/// token, like the access token, lives only in the server-side session). Null when nobody is signed in or the session
/// can no longer be refreshed: the page then sends the person to sign in and back.
/// </summary>
public sealed class PortalUser(IHttpContextAccessor accessor, IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider time, ILogger<PortalUser> logger)
{
    // Where the cookie handler keeps the server-side session's key among the ticket's claims.
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    private static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(30);
    private string? _accessToken;
    private bool _loaded;

    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return _accessToken;
        }

        _loaded = true;
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No request.");
        var auth = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!auth.Succeeded || auth.Properties is null)
        {
            return null;
        }

        var token = auth.Properties.GetTokenValue("access_token");
        var expiresAt = DateTimeOffset.TryParse(auth.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
        if (token is not null && expiresAt - RefreshAhead > time.GetUtcNow())
        {
            return _accessToken = token;
        }

        return _accessToken = await RefreshAsync(auth, cancellationToken);
    }

    private async Task<string?> RefreshAsync(AuthenticateResult auth, CancellationToken cancellationToken)
    {
        var refreshToken = auth.Properties!.GetTokenValue("refresh_token");
        var sessionKey = auth.Principal?.FindFirst(SessionIdClaim)?.Value;
        var store = cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).SessionStore;
        if (refreshToken is null || sessionKey is null || store is null)
        {
            return null;
        }

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var response = await clients.CreateClient(PortalServiceExtensions.IdentityClient).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refreshToken,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Expired, revoked or already used: the session is over.
            logger.LogInformation("Refreshing a session's token failed ({Status}); the person signs in again", (int)response.StatusCode);
            await store.RemoveAsync(sessionKey);
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var root = body.RootElement;
        var properties = auth.Properties!;
        var access = root.GetProperty("access_token").GetString()!;
        var expires = time.GetUtcNow().AddSeconds(root.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300);
        properties.UpdateTokenValue("access_token", access);
        properties.UpdateTokenValue("expires_at", expires.ToString("o", CultureInfo.InvariantCulture));
        if (root.TryGetProperty("refresh_token", out var rotated) && rotated.GetString() is { } next)
        {
            properties.UpdateTokenValue("refresh_token", next);
        }

        await store.RenewAsync(sessionKey, new AuthenticationTicket(auth.Principal!, properties, CookieAuthenticationDefaults.AuthenticationScheme));
        return access;
    }
}
