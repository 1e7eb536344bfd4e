using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Talent.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Connect;

/// <summary>Builds the claims a token carries, and where each claim goes (access token, identity token).</summary>
public static class Principals
{
    public static async Task<ClaimsPrincipal> ForUserAsync(TalentUser user, UserManager<TalentUser> users, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            nameType: Claims.Name,
            roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.Nickname, user.DisplayName)
            .SetClaim(TalentClaims.Department, user.DepartmentCode)
            .SetClaim(TalentClaims.ApplicantKind, user.ApplicantKind)
            .SetClaim(TalentClaims.CreditCode, user.CreditCode);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return Finish(identity, scopes);
    }

    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> scopes, IReadOnlyList<string>? roles = null)
    {
        var identity = new ClaimsIdentity(
            authenticationType: OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            nameType: Claims.Name,
            roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        if (roles is { Count: > 0 })
        {
            identity.SetClaims(Claims.Role, [.. roles]);
        }

        return Finish(identity, scopes);
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        // One audience per API scope granted: a token for the catalogue is refused by the applications service.
        identity.SetResources(granted.Where(ApiScopes.Audiences.ContainsKey).Select(s => ApiScopes.Audiences[s]));
        identity.SetDestinations(claim => DestinationsOf(claim, granted));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> DestinationsOf(Claim claim, IReadOnlyCollection<string> scopes)
    {
        switch (claim.Type)
        {
            case Claims.Subject:
            case Claims.Role:
            case TalentClaims.Department:
            case TalentClaims.ApplicantKind:
            case TalentClaims.CreditCode:
                yield return Destinations.AccessToken;
                if (claim.Type == Claims.Subject || (claim.Type == Claims.Role && scopes.Contains(Scopes.Roles)))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;
            case Claims.Name:
            case Claims.Nickname:
                yield return Destinations.AccessToken;
                if (scopes.Contains(Scopes.Profile))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;
            default:
                yield break;
        }
    }
}
