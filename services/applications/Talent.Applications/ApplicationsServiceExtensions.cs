using Talent.Applications.Catalogue;
using Talent.Applications.Data;
using Talent.Messaging;

namespace Talent.Applications;

public static class ApplicationsServiceExtensions
{
    public const string ServiceName = "applications";

    public static IHostApplicationBuilder AddApplicationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<ApplicationsDbContext>(ServiceName);
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<CatalogueItemPublishedConsumer>();
            bus.AddConsumer<CatalogueItemWithdrawnConsumer>();
        });
        return builder;
    }
}
