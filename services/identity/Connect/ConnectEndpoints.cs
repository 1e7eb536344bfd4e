using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Talent.Identity.Account;
using Talent.Identity.Clients;
using Talent.Identity.Data;
using Talent.Messaging.Metrics;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Connect;

/// <summary>The OpenID Connect endpoints OpenIddict hands to us after validating the protocol.</summary>
public static class ConnectEndpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        var connect = routes.MapGroup("/connect").AllowAnonymous().ExcludeFromDescription().WithTags("Connect");
        connect.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync).DisableAntiforgery()
            .WithName("Authorize").WithSummary("OpenID Connect authorization endpoint (code flow with PKCE).");
        connect.MapPost("/token", TokenAsync).DisableAntiforgery()
            .WithName("Token").WithSummary("OpenID Connect token endpoint.");
        // The cast keeps the handler's result: a method group of HttpContext => Task would otherwise bind as a RequestDelegate.
        connect.MapMethods("/logout", ["GET", "POST"], (Delegate)LogoutAsync).DisableAntiforgery()
            .WithName("EndSession").WithSummary("OpenID Connect end-session endpoint.");
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery()
            .WithName("UserInfo").WithSummary("OpenID Connect userinfo endpoint.");
        return routes;
    }

    /// <summary>Authorization code flow: sign the person in (cookie) if needed, then issue the code. First-party clients: no consent screen.</summary>
    private static async Task<Results<SignInHttpResult, ForbidHttpResult, ChallengeHttpResult>> AuthorizeAsync(HttpContext http, UserManager<TalentUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryWithoutPrompt(http.Request) },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(cookie.Principal!);
        if (user is null || user.Disabled)
        {
            return Refuse(Errors.AccessDenied, "The account is not available.");
        }

        return TypedResults.SignIn(await Principals.ForUserAsync(user, users, request.GetScopes()), authenticationScheme: Scheme);
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> TokenAsync(
        HttpContext http,
        UserManager<TalentUser> users,
        SignInManager<TalentUser> signIns,
        IOpenIddictApplicationManager applications,
        BusinessMeters meters)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var scopes = request.GetScopes();
            if (scopes.IsEmpty)
            {
                // No scope asked: the client gets the API scopes it is permitted, and nothing else.
                var permissions = await applications.GetPermissionsAsync(application);
                scopes = [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])];
            }

            // The dashboard's client acts as an operator; every other client (municipal systems) carries no role.
            var roles = request.ClientId == DashboardClient.ClientId ? DashboardClient.Roles : null;
            return TypedResults.SignIn(Principals.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(application), scopes, roles), authenticationScheme: Scheme);
        }

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? "");
            if (user is null || user.Disabled)
            {
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }

            var check = await signIns.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            meters.SignedIn(check, "password_grant");
            if (!check.Succeeded)
            {
                // Locked out or wrong password: the same answer, so nobody learns which accounts exist.
                return Refuse(Errors.InvalidGrant, "The user name or password is wrong.");
            }

            return TypedResults.SignIn(await Principals.ForUserAsync(user, users, request.GetScopes()), authenticationScheme: Scheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await http.AuthenticateAsync(Scheme)).Principal;
            var user = previous is null ? null : await users.FindByIdAsync(previous.GetClaim(Claims.Subject) ?? "");
            if (user is null || user.Disabled || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The token is no longer valid.");
            }

            // Fresh claims (roles, department may have changed), the scopes originally granted.
            return TypedResults.SignIn(await Principals.ForUserAsync(user, users, previous!.GetScopes()), authenticationScheme: Scheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<SignOutHttpResult> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]);
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, ChallengeHttpResult>> UserInfoAsync(HttpContext http, UserManager<TalentUser> users)
    {
        var principal = (await http.AuthenticateAsync(Scheme)).Principal;
        var user = principal is null ? null : await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "");
        if (user is null)
        {
            return TypedResults.Challenge(authenticationSchemes: [Scheme]);
        }

        return TypedResults.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = user.Id,
            [Claims.Name] = user.UserName,
            [Claims.Nickname] = user.DisplayName,
            [Claims.Role] = await users.GetRolesAsync(user),
            [TalentClaims.Department] = user.DepartmentCode,
            [TalentClaims.ApplicantKind] = user.ApplicantKind,
        });
    }

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);

    private static string QueryWithoutPrompt(HttpRequest request) =>
        QueryString.Create(request.HasFormContentType
            ? request.Form.Where(p => p.Key != Parameters.Prompt).Select(p => KeyValuePair.Create(p.Key, p.Value))
            : request.Query.Where(p => p.Key != Parameters.Prompt).Select(p => KeyValuePair.Create(p.Key, p.Value))).ToString();
}
