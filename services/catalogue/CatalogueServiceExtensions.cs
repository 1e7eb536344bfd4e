using Talent.Catalogue.Data;
using Talent.Catalogue.Demo;
using Talent.Catalogue.Items;
using Talent.Catalogue.Search;
using Talent.Data;
using Talent.Messaging;
using Talent.Messaging.Metrics;

namespace Talent.Catalogue;

public static class CatalogueServiceExtensions
{
    public const string ServiceName = "catalogue";

    public static IHostApplicationBuilder AddCatalogueServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<CatalogueDbContext>(ServiceName);
        builder.AddMessaging<CatalogueDbContext>(ServiceName);
        builder.AddBusinessMeters<CatalogueDbContext, CatalogueMeters.Sampler>(CatalogueMeters.Plan);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection("Catalogue:Search"));
        builder.Services.AddSingleton<CatalogueSearchIndex>();
        builder.Services.AddHostedService<SearchIndexSync>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index", tags: ["ready"]);
        builder.Services.AddCataloguePolicies();
        return builder;
    }

    /// <summary>
    /// The start-up steps, in this order: migrate the database; re-announce the directory once per announcement
    /// generation (before the demonstration data: a new database announces nothing, one from an earlier release
    /// re-announces its items); then the demonstration catalogue when <c>Catalogue:DemoData</c> is on (the embedded default).
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<CatalogueDbContext>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Announcements.AnnounceOnceAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), time, CancellationToken.None);
        }

        if (app.Configuration.GetValue<bool>("Catalogue:DemoData"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), time, CancellationToken.None);
        }
    }
}
