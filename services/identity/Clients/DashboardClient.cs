using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity.Clients;

/// <summary>
/// The Aspire dashboard's commands act as an operator (<c>talent-dashboard</c>): a confidential client with client
/// credentials whose tokens carry the operator role and every API scope. Its secret is made by the AppHost for each run
/// and handed only to this service (<c>Identity:DashboardClientSecret</c>); at start the client is registered with it, or
/// removed when no secret is given, so no stale or published secret ever opens it. Operators cannot register this id.
/// </summary>
public sealed class DashboardClient(IOpenIddictApplicationManager applications, IOptions<TalentIdentityOptions> options)
{
    public const string ClientId = "talent-dashboard";

    /// <summary>The roles its tokens carry.</summary>
    public static readonly string[] Roles = ["operator"];

    public static readonly string[] Scopes = ["catalogue", "applications", "feedback", "matching", "identity", "notifications"];

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (string.IsNullOrEmpty(options.Value.DashboardClientSecret))
        {
            if (existing is not null)
            {
                await applications.DeleteAsync(existing, cancellationToken);
            }

            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = options.Value.DashboardClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "运维控制台命令 Aspire dashboard commands",
        };
        ClientPermissions.Apply(descriptor, [GrantTypes.ClientCredentials], Scopes, pkce: false);
        if (existing is not null)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }
}
