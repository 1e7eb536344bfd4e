using Talent.Data;
using Talent.Catalogue.Data;
using Talent.Catalogue.Items;
using Talent.Catalogue.References;
using Talent.Catalogue.Search;
using Talent.Messaging;

namespace Talent.Catalogue;

public static class CatalogueServiceExtensions
{
    public const string ServiceName = "catalogue";

    public static IHostApplicationBuilder AddCatalogueServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<CatalogueDbContext>(ServiceName);
        builder.AddMessaging<CatalogueDbContext>(ServiceName);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection("Catalogue:Search"));
        builder.Services.AddSingleton<CatalogueSearchIndex>();
        builder.Services.AddHostedService<SearchIndexSync>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index", tags: ["ready"]);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ItemsApi.EditorPolicy, AuthenticationExtensions.ScopeAndRole("catalogue", "operator", "staff"))
            .AddPolicy(ReferenceApi.OperatorPolicy, AuthenticationExtensions.ScopeAndRole("catalogue", "operator"));
        return builder;
    }

    /// <summary>The demonstration catalogue, when <c>Catalogue:DemoData</c> is on (the embedded default).</summary>
    public static async Task SeedCatalogueDemoDataAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Catalogue:DemoData"))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await Demo.DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<CatalogueDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }
}
