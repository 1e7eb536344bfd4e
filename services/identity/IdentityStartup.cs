using Talent.Identity.Clients;
using Talent.Http;
using Microsoft.Extensions.Options;
using Talent.Data;
using Talent.Identity.Data;
using Talent.Identity.Keys;
using Talent.Identity.People;
using Talent.Identity.Seeding;

namespace Talent.Identity;

/// <summary>What the built application does before it answers: its middleware, then its start-up steps.</summary>
public static class IdentityStartup
{
    /// <summary>The path under which the gateway publishes this service; requests without it work too.</summary>
    public const string PathBase = "/identity";

    /// <summary>
    /// The path base and forwarded headers come first: the issuer, redirects and the sign-in page's links are built
    /// from the address the client used at the gateway.
    /// </summary>
    public static WebApplication UseIdentityPipeline(this WebApplication app)
    {
        app.UsePathBase(PathBase);
        app.UseForwardedHeaders();
        // Before OpenIddict reads a request in authentication: its failures and NUL characters get problem details too.
        app.UseExceptionHandler();
        app.UseNulCharacterGuard();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// Migrations (guarded), key material, then the demonstration data: seeded when turned on, and when off, whatever
    /// an earlier start seeded with a published password, secret or flow is retired.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<IdentityDb>();
        await using var scope = app.Services.CreateAsyncScope();
        // Replicas starting together take turns through these steps: the next finds the clients and accounts there.
        await using var starting = await StartupLock.TakeAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), "identity-prepare", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<KeyStore>().EnsureActiveKeysAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<PortalClient>(scope.ServiceProvider).EnsureAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<DashboardClient>(scope.ServiceProvider).EnsureAsync(CancellationToken.None);
        if (scope.ServiceProvider.GetRequiredService<IOptions<TalentIdentityOptions>>().Value.DemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }
        else
        {
            await ActivatorUtilities.CreateInstance<DemoDataRetirement>(scope.ServiceProvider).RetireAsync(CancellationToken.None);
        }

        // Everyone, once per generation, after the demonstration accounts: services keeping a people directory learn of them.
        await PeopleAnnouncement.AnnounceOnceAsync(scope.ServiceProvider.GetRequiredService<IdentityDb>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }
}
