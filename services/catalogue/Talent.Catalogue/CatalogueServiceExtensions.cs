using Talent.Catalogue.Data;
using Talent.Messaging;

namespace Talent.Catalogue;

public static class CatalogueServiceExtensions
{
    public const string ServiceName = "catalogue";

    public static IHostApplicationBuilder AddCatalogueServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogueDbContext>(ServiceName);
        builder.AddMessaging(ServiceName);
        return builder;
    }
}
