using Talent.Catalogue.Data;
using Talent.Catalogue.Items;
using Talent.Messaging;

namespace Talent.Catalogue;

public static class CatalogueServiceExtensions
{
    public const string ServiceName = "catalogue";

    public static IHostApplicationBuilder AddCatalogueServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<CatalogueDbContext>(ServiceName);
        builder.AddMessaging(ServiceName);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ItemsApi.EditorPolicy, AuthenticationExtensions.ScopeAndRole("catalogue", "operator", "staff"));
        return builder;
    }
}
