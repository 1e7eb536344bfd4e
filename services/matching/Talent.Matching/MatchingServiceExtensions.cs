using Talent.Matching.Data;
using Talent.Messaging;
using Talent.ReadModels;

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
            bus.AddCatalogueCopyConsumers<MatchingDbContext>(ServiceName);
        });
        return builder;
    }
}
