using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Clients;

/// <summary>
/// The platform's own web portal (<c>talent-portal</c>): a public client with authorization code and PKCE whose redirect
/// addresses follow where people reach it (<c>Identity:PortalUrl</c>, the gateway). Registered, or brought up to date, at
/// every start in every mode: it is the platform's client, not demonstration data.
/// </summary>
public sealed class PortalClient(IOpenIddictApplicationManager applications, IOptions<TalentIdentityOptions> options)
{
    public const string ClientId = "talent-portal";

    public static readonly string[] Scopes =
        [OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.Roles, OpenIddictConstants.Scopes.OfflineAccess,
         "catalogue", "applications", "feedback", "matching", "identity", "notifications", "exchange"];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PortalUrl is not { } portal)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "人才服务平台门户 Talent portal",
            RedirectUris = { new Uri(portal, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(portal, "signout-callback-oidc") },
        };
        ClientPermissions.Apply(descriptor, [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken], Scopes, pkce: true);
        if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}
