using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Talent.Data;
using Talent.Portal.Account;
using Talent.Portal.Apis;
using Talent.Portal.Data;
using Talent.Portal.Sessions;

namespace Talent.Portal;

public static class PortalServiceExtensions
{
    /// <summary>The cookie holding a signed-in person's session id (the session itself is on the server).</summary>
    public const string SessionCookie = "talent.session";

    public const string ServiceName = "portal";

    /// <summary>The HTTP client that calls the APIs through the gateway with the person's token.</summary>
    public const string GatewayClient = "gateway";

    /// <summary>The HTTP client that talks to the identity provider itself (refreshing tokens).</summary>
    public const string IdentityClient = "identity";

    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IHostApplicationBuilder AddPortalServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var portal = builder.Configuration.GetSection("Portal");
        // An http issuer with HTTPS required would fail every request (health included) inside the OpenID Connect handler:
        // refuse to start instead, naming the two settings.
        services.AddOptions<PortalOptions>().Bind(portal)
            .Validate(
                options => !options.RequireHttps || options.Authority is null || options.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
                "Portal:Authority is not an https address while Portal:RequireHttps is true; give an https issuer or set Portal:RequireHttps=false (plain http, this machine only).")
            .ValidateOnStart();
        builder.AddServiceDatabase<PortalDbContext>(ServiceName);
        services.AddDataProtection().SetApplicationName("talent-portal").PersistKeysToDbContext<PortalDbContext>();

        services.AddRazorComponents();
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 64 * 1024 * 1024;
            cache.MaximumBodySize = 1024 * 1024;
            cache.AddPolicy(PublicPageCache.PolicyName, new PublicPageCache());
        });
        // Static assets (CSS, blazor.web.js) from the build output in every environment, not only Development: the test
        // system and a run from build output are Production too. A published app serves them from its own manifest.
        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseStaticWebAssets();
        }

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = options.SupportedUICultures = Cultures;
            // The person's choice (a cookie) first, then ?culture=, then the browser's languages.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        // Behind the gateway: links, redirects and the sign-in callback use the address people see.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });

        services.AddSingleton<DatabaseTicketStore>();
        services.AddHostedService<SessionSweep>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = portal.GetValue("RequireHttps", true) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = portal.GetValue("SessionIdleTimeout", TimeSpan.FromMinutes(30));
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/account/login";
                cookie.AccessDeniedPath = "/account/denied";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = portal["Authority"];
                oidc.RequireHttpsMetadata = portal.GetValue("RequireHttps", true);
                oidc.ClientId = portal["ClientId"] ?? "talent-portal";
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                // The code comes back on a plain redirect (no auto-submitting form): works with JavaScript off.
                oidc.ResponseMode = "query";
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                // From the user info: the roles (the console is for staff) and the staff member's department.
                oidc.ClaimActions.MapJsonKey("role", "role");
                oidc.ClaimActions.MapUniqueJsonKey("department", "department");
                oidc.Scope.Clear();
                foreach (var scope in portal.GetSection("Scopes").Get<string[]>() ?? ["openid", "profile"])
                {
                    oidc.Scope.Add(scope);
                }

                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signout-callback-oidc";
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The sign-in page speaks the person's chosen language.
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.Name;
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddHttpContextAccessor();
        services.AddScoped<PortalUser>();
        services.AddTransient<GatewayTokenHandler>();
        services.AddHttpClient(IdentityClient);
        void Gateway(IServiceProvider sp, HttpClient http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<PortalOptions>>().Value.Gateway);
        services.AddHttpClient<CatalogueApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddMemoryCache();
        services.AddSingleton<PublicCatalogueCache>();
        services.AddScoped<DepartmentNames>();
        services.AddHttpClient<ApplicationsApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<FeedbackApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<MatchingApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<NotificationsApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<FiguresApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<CatalogueEditingApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<IdentityAdminApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        services.AddHttpClient<ReferenceDataApi>(Gateway).AddHttpMessageHandler<GatewayTokenHandler>();
        return builder;
    }
}

/// <summary>Configuration section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    /// <summary>The gateway the APIs are called through (service discovery name by default).</summary>
    public string Gateway { get; set; } = "http://gateway";

    /// <summary>The identity provider's issuer as people's browsers reach it (through the gateway).</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "talent-portal";

    /// <summary>Cookies only over HTTPS and HTTPS metadata; off only on the local embedded default.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long the catalogue's public answers (items, versions, searches) are kept in the portal; 0 turns it off.</summary>
    public int PublicCacheSeconds { get; set; } = 15;

    /// <summary>At most this many public answers are kept.</summary>
    public int PublicCacheEntries { get; set; } = 2000;
}
