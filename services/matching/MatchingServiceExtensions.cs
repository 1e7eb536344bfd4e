using Talent.Data;
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
        builder.AddMessaging<MatchingDbContext>(ServiceName, bus =>
        {
            bus.AddCatalogueCopyConsumers<MatchingDbContext>(ServiceName);
            bus.AddConsumer<Engagements.EvaluationSubmittedConsumer>();
            bus.AddConsumer<Suggestions.SuggestOnSubmitted>();
            bus.AddConsumer<Suggestions.SuggestOnDecided>();
            bus.AddCalendarCopyConsumer<MatchingDbContext>(ServiceName);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<Matching.TierOptions>(builder.Configuration.GetSection("Matching:Tiers"));
        builder.Services.AddHostedService<Demo.DemoMatching>();
        builder.Services.AddHostedService<Engagements.FirstContactSweep>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MatchingApi.UserPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant", "staff", "commissioner", "butler", "broker", "operator"))
            .AddPolicy(MatchingApi.ClientPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant"))
            .AddPolicy(MatchingApi.ProviderPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "commissioner", "butler", "broker"))
            .AddPolicy(MatchingApi.CoordinatorPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "commissioner", "operator"))
            .AddPolicy(MatchingApi.OperatorPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"));
        return builder;
    }
}
