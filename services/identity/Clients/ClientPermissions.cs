using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Clients;

/// <summary>Translates grant types and scopes into OpenIddict's permissions (shared by seeding and the admin API).</summary>
public static class ClientPermissions
{
    public static void Apply(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> grants, IEnumerable<string> scopes, bool pkce)
    {
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        foreach (var grant in grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
                descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
                descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            }
        }

        foreach (var scope in scopes.Where(s => s != Scopes.OpenId && s != Scopes.OfflineAccess))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (pkce)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
    }
}
