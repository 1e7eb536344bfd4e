using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every service validates JWT access tokens from the configured OpenID Connect authority (issuer, audience,
/// lifetime, signature through the authority's published keys). Any standard provider can replace ours:
/// <c>Authentication:Authority</c> (issuer URL), <c>Authentication:Audience</c> (this API's audience, the
/// service name by default), <c>Authentication:MetadataAddress</c> (optional, where to read the discovery
/// document if not under the authority), <c>Authentication:RequireHttpsMetadata</c>, <c>Authentication:ClockSkew</c>.
/// Without an explicit policy an endpoint needs an authenticated caller (the fallback policy).
/// </summary>
public static class AuthenticationExtensions
{
    public static TBuilder AddTalentAuthentication<TBuilder>(this TBuilder builder, string audience)
        where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection("Authentication");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = section["Authority"];
                jwt.MetadataAddress = section["MetadataAddress"] ?? "";
                jwt.Audience = section["Audience"] ?? audience;
                jwt.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
                // The system clock, as the handler's own lifetime check: a token is never remembered past its expiry.
                // Claim names as issued ("role", "name"): set on the handler itself, the option reaches only the defaults.
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RememberingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.NameClaimType = "name";
                jwt.TokenValidationParameters.RoleClaimType = "role";
                jwt.TokenValidationParameters.ClockSkew = section.GetValue("ClockSkew", TimeSpan.FromSeconds(30));
                jwt.TokenValidationParameters.ValidTypes = ["at+jwt", "JWT"];
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication UseTalentAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>A policy: an authenticated caller with this scope and one of these roles (any role when none given).</summary>
    public static AuthorizationPolicy ScopeAndRole(string scope, params string[] roles)
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(scope));
        if (roles.Length > 0)
        {
            policy.RequireRole(roles);
        }

        return policy.Build();
    }

    /// <summary>Scopes arrive as one space-separated <c>scope</c> claim (RFC 9068) or as several claims.</summary>
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    public static string? Department(this ClaimsPrincipal user) => user.FindFirst("department")?.Value;

    /// <summary>
    /// The name a record shows for the caller: the display name (<c>nickname</c>: "人力社保局 李强 Li Qiang (HRSS)"), else
    /// the account name, else the subject; cut to <paramref name="maxLength"/> (another provider's may be longer than a column).
    /// </summary>
    public static string DisplayName(this ClaimsPrincipal user, int maxLength)
    {
        var name = new[] { "nickname", "name", "sub" }.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";
        if (name.Length <= maxLength)
        {
            return name;
        }

        // Never half of a surrogate pair (an emoji) at the cut: the database would refuse the text.
        var cut = char.IsHighSurrogate(name[maxLength - 1]) ? maxLength - 1 : maxLength;
        return name[..cut];
    }

    /// <summary>Staff act only on their own department's work; operators on all.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string department) =>
        user.IsInRole("operator") || (user.IsInRole("staff") && string.Equals(user.Department(), department, StringComparison.Ordinal));
}
