using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Talent.Data;
using Talent.Identity.Account;
using Talent.Identity.Connect;
using Talent.Identity.Data;
using Talent.Identity.Keys;
using Talent.Identity.Seeding;
using Talent.Identity.Users;
using Talent.Messaging;
using Talent.Messaging.Metrics;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Talent.Identity;

/// <summary>
/// The service's wiring: its database, ASP.NET Core Identity (accounts, lockout, the sign-in cookie), OpenIddict (the
/// OpenID Connect server and, for the admin API, validation of its own tokens), the stored keys and the admin policy.
/// </summary>
public static class IdentityServiceExtensions
{
    public const string ServiceName = "identity";

    /// <summary>Operators only, with a token this server issued for the <c>identity</c> audience.</summary>
    public const string AdminPolicy = "identity-admin";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity");
        builder.Services.Configure<TalentIdentityOptions>(section);
        var options = section.Get<TalentIdentityOptions>() ?? new TalentIdentityOptions();
        var connectionString = builder.Configuration.GetConnectionString(ServiceName)
            ?? throw new InvalidOperationException($"Connection string '{ServiceName}' is missing (ConnectionStrings__{ServiceName}).");

        builder.Services.TryAddSingleton(TimeProvider.System);
        // With the interceptors other libraries registered (the outbox's), on the services' pools (prepared statements,
        // unstorable text stopped first), as Talent.Data's AddServiceDatabase does.
        builder.Services.AddDbContext<IdentityDb>((sp, db) => db.UsePooledNpgsql(connectionString).UseOpenIddict().AddInterceptors(sp.GetServices<IInterceptor>()));
        // People are announced to the services that keep a people directory (PersonChanged, through the outbox).
        builder.AddMessaging<IdentityDb>(ServiceName);
        builder.AddBusinessMeters<IdentityDb, IdentityMeters.Sampler>(IdentityMeters.Plan);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<IdentityDb>>("identity-database", tags: ["ready"]);
        // The database's refusals (a person changed meanwhile: 409) answered as problem details, never a 500.
        builder.Services.AddExceptionHandler<DatabaseExceptionHandler>();
        // One key ring for every replica: a sign-in form served by one and posted to another still validates.
        builder.Services.AddDataProtection().SetApplicationName("talent-identity").PersistKeysToDbContext<IdentityDb>();

        builder.Services.AddIdentity<TalentUser, IdentityRole>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 8;
                identity.User.RequireUniqueEmail = false;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "talent.identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }

                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                if (options.DemoData)
                {
                    // Only for the talent-dev client of the embedded default: tests and scripts sign in without a browser.
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes.Audiences.Keys]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    // Rotation: a redeemed refresh token is dead at once (OpenIddict tolerates 30 s by default).
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                // Resource servers (the services, or another provider's) validate plain signed JWTs.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // The admin API is guarded by tokens this server issued for the "identity" audience.
                validation.UseLocalServer();
                validation.AddAudiences("identity");
                validation.UseAspNetCore();
            });
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeyRing>();
        builder.Services.AddScoped<KeyStore>();
        builder.Services.AddScoped<DemoData>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(TalentRoles.Operator));

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | ForwardedHeaders.XForwardedHost;
            // Only the gateway reaches this service (service discovery, private network).
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });
        builder.Services.AddAntiforgery();
        return builder;
    }
}
