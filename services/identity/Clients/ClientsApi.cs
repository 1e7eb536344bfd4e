using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using Talent.Identity.Audit;
using Talent.Identity.Connect;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Clients;

/// <summary>Operators register clients: public apps (code + PKCE, exact redirect URIs) and municipal systems (client credentials).</summary>
public static class ClientsApi
{
    public sealed record ClientView(string ClientId, string? DisplayName, string? Type, IReadOnlyList<string> Permissions, IReadOnlyList<string> RedirectUris);

    public sealed record CreateClient(string? ClientId, string? DisplayName, string? Type, string[]? GrantTypes, string[]? Scopes, string[]? RedirectUris);

    /// <summary>The secret is shown once, at creation; only its hash is stored.</summary>
    public sealed record CreatedClient(ClientView Client, string? ClientSecret);

    private static readonly string[] AllowedGrants = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken, GrantTypes.ClientCredentials];

    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder routes)
    {
        var clients = routes.MapGroup("/api/clients").RequireAuthorization(IdentityServiceExtensions.AdminPolicy).WithTags("Clients").DisableAntiforgery();
        clients.MapGet("/", ListAsync).WithName("ListClients").WithSummary("Registered clients (the first 500), without their secrets.");
        clients.MapPost("/", CreateAsync).WithName("CreateClient").WithSummary("Registers a client; a confidential client's secret is shown once.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Ok<List<ClientView>>> ListAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: 500, offset: 0, ct))
        {
            views.Add(await ViewAsync(applications, application, ct));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<CreatedClient>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> CreateAsync(
        CreateClient request, IOpenIddictApplicationManager applications, [AsParameters] AuditedChange change)
    {
        var grants = request.GrantTypes ?? [];
        var scopes = request.Scopes ?? [];
        var errors = Check(request, grants, scopes, out var redirects);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ct = change.Cancellation;
        if (await applications.FindByClientIdAsync(request.ClientId!, ct) is not null)
        {
            return TypedResults.Conflict(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["clientId"] = ["This client id is taken. 客户端标识已存在。"] }));
        }

        var secret = request.Type == ClientTypes.Confidential ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = request.ClientId,
            ClientSecret = secret,
            ClientType = request.Type,
            DisplayName = request.DisplayName,
        };
        foreach (var uri in redirects)
        {
            descriptor.RedirectUris.Add(uri);
        }

        ClientPermissions.Apply(descriptor, grants, scopes, pkce: request.Type == ClientTypes.Public);
        await using var transaction = await change.BeginAsync();
        var application = await applications.CreateAsync(descriptor, ct);
        change.Record("client.created", request.ClientId!, new { request.Type, grants, scopes, request.RedirectUris });
        await change.CommitAsync(transaction);
        return TypedResults.Created($"/api/clients/{request.ClientId}", new CreatedClient(await ViewAsync(applications, application, ct), secret));
    }

    /// <summary>The request's field errors (empty when valid), and its redirect URIs parsed.</summary>
    private static Dictionary<string, string[]> Check(CreateClient request, string[] grants, string[] scopes, out List<Uri> redirects)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 64 || request.ClientId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors["clientId"] = ["1 to 64 letters, digits, '-', '_' or '.'. 客户端标识必填。"];
        }

        else if (request.ClientId is PortalClient.ClientId or DashboardClient.ClientId)
        {
            errors["clientId"] = ["This client id is the platform's own. 该客户端标识为平台保留。"];
        }

        if (request.Type is not (ClientTypes.Public or ClientTypes.Confidential))
        {
            errors["type"] = ["'public' (apps) or 'confidential' (servers). 类型须为 public 或 confidential。"];
        }

        if (grants.Length == 0 || grants.Any(g => !AllowedGrants.Contains(g)))
        {
            errors["grantTypes"] = [$"One or more of: {string.Join(", ", AllowedGrants)}."];
        }
        else if (grants.Contains(GrantTypes.ClientCredentials) && request.Type != ClientTypes.Confidential)
        {
            errors["grantTypes"] = ["Client credentials need a confidential client. 客户端凭据模式须为机密客户端。"];
        }

        if (scopes.Any(s => !ApiScopes.Audiences.ContainsKey(s) && s is not (Scopes.OpenId or Scopes.Profile or Scopes.Roles or Scopes.OfflineAccess)))
        {
            errors["scopes"] = ["Unknown scope. 未知的权限范围。"];
        }

        redirects = [];
        foreach (var raw in request.RedirectUris ?? [])
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment))
            {
                errors["redirectUris"] = [$"'{raw}' is not an absolute URI without a fragment. 回调地址须为绝对地址。"];
                break;
            }

            redirects.Add(uri);
        }

        if (grants.Contains(GrantTypes.AuthorizationCode) && redirects.Count == 0 && !errors.ContainsKey("redirectUris"))
        {
            errors["redirectUris"] = ["The authorization code flow needs exact redirect URIs. 授权码模式须登记回调地址。"];
        }

        return errors;
    }

    private static async Task<ClientView> ViewAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct) =>
        new(
            await applications.GetClientIdAsync(application, ct) ?? "",
            await applications.GetDisplayNameAsync(application, ct),
            await applications.GetClientTypeAsync(application, ct),
            [.. await applications.GetPermissionsAsync(application, ct)],
            [.. (await applications.GetRedirectUrisAsync(application, ct)).Select(u => u.ToString())]);
}
