using Talent.Matching.Catalogue;
using Talent.Matching.Data;
using Talent.Messaging;

namespace Talent.Matching;

public static class MatchingServiceExtensions
{
    public const string ServiceName = "matching";

    public static IHostApplicationBuilder AddMatchingServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<MatchingDbContext>(ServiceName);
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<CatalogueItemPublishedConsumer>();
            bus.AddConsumer<CatalogueItemWithdrawnConsumer>();
        });
        return builder;
    }
}
