using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

using Talent.Portal.Sessions;

namespace Talent.Portal.Account;

/// <summary>
/// The signed-in person's access token for this request, refreshed on the server when it is about to expire (the refresh
/// token, like the access token, lives only in the server-side session). Null when nobody is signed in or the session
/// can no longer be refreshed: the page then sends the person to sign in and back.
/// </summary>
public sealed class PortalUser(IHttpContextAccessor accessor, IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider time, ILogger<PortalUser> logger)
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(30);

    // Refresh tokens are single-use (the identity service revokes the session's tokens when one is used twice), so the
    // requests of one session refresh one at a time: a bounded set of gates, a session always on the same one. This
    // covers one portal process; replicas would need the gate in the database (see the portal README).
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly Lock _lock = new();
    private Task<string?>? _accessToken;

    /// <summary>
    /// The token, read (and refreshed if need be) once per request however many calls ask at once. The read is not
    /// cancelled with the first caller: a refresh cut off after the identity service rotated the refresh token, before
    /// the new one is stored, would end the session. Each caller stops waiting on its own token.
    /// </summary>
    public Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return (_accessToken ??= LoadAsync(CancellationToken.None)).WaitAsync(cancellationToken);
        }
    }

    private async Task<string?> LoadAsync(CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("No request.");
        var auth = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!auth.Succeeded || auth.Properties is null)
        {
            return null;
        }

        return Fresh(auth.Properties) ?? await RefreshAsync(auth, cancellationToken);
    }

    private string? Fresh(AuthenticationProperties properties)
    {
        var token = properties.GetTokenValue("access_token");
        return token is not null && DatabaseTicketStore.ExpiresAt(properties) - RefreshAhead > time.GetUtcNow() ? token : null;
    }

    private async Task<string?> RefreshAsync(AuthenticateResult auth, CancellationToken cancellationToken)
    {
        var sessionKey = auth.Properties is { } stored && stored.Items.TryGetValue(DatabaseTicketStore.SessionKeyItem, out var key) ? key : null;
        var store = cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).SessionStore;
        if (sessionKey is null || store is null)
        {
            return null;
        }

        var gate = Gates[(int)((uint)StringComparer.Ordinal.GetHashCode(sessionKey) % (uint)Gates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another request of this session may have refreshed while this one waited: its token (and the refresh token
            // that replaced the one this request read) are in the store.
            var current = await store.RetrieveAsync(sessionKey);
            if (current is null)
            {
                return null;
            }

            return Fresh(current.Properties) ?? await RefreshLockedAsync(current, sessionKey, store, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string?> RefreshLockedAsync(AuthenticationTicket ticket, string sessionKey, ITicketStore store, CancellationToken cancellationToken)
    {
        var refreshToken = ticket.Properties.GetTokenValue("refresh_token");
        if (refreshToken is null)
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
        var properties = ticket.Properties;
        var access = root.GetProperty("access_token").GetString()!;
        var expires = time.GetUtcNow().AddSeconds(root.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300);
        properties.UpdateTokenValue("access_token", access);
        properties.UpdateTokenValue("expires_at", expires.ToString("o", CultureInfo.InvariantCulture));
        if (root.TryGetProperty("refresh_token", out var rotated) && rotated.GetString() is { } next)
        {
            properties.UpdateTokenValue("refresh_token", next);
        }

        await store.RenewAsync(sessionKey, new AuthenticationTicket(ticket.Principal, properties, CookieAuthenticationDefaults.AuthenticationScheme));
        return access;
    }
}
