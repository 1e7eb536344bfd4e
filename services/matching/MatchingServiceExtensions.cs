using Talent.Matching.Certifications;
using System.Text.Json;
using System.Text.Json.Serialization;
using Talent.Data;
using Talent.Matching.Data;
using Talent.Matching.Demo;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using Talent.Matching.Record;
using Talent.Matching.Suggestions;
using Talent.Messaging;
using Talent.Messaging.Inbox;
using Talent.Messaging.Metrics;
using Talent.ReadModels;

namespace Talent.Matching;

public static class MatchingServiceExtensions
{
    public const string ServiceName = "matching";

    /// <summary>Authentication and policies, the database, the bus and its consumers, options and the background work.</summary>
    public static IHostApplicationBuilder AddMatchingServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<MatchingDbContext>(ServiceName);
        builder.AddMessaging<MatchingDbContext>(ServiceName, bus =>
        {
            bus.AddCatalogueCopyConsumers<MatchingDbContext>(ServiceName);
            bus.AddConsumer<EvaluationSubmittedConsumer>();
            bus.AddBatchConsumer<SuggestOnSubmitted>();
            bus.AddConsumer<SuggestOnDecided>();
            bus.AddConsumer<CertificationConsumer>();
            bus.AddCalendarCopyConsumer<MatchingDbContext>(ServiceName);
            bus.AddPeopleCopyConsumer<MatchingDbContext>(ServiceName);
            bus.AddBatchConsumer<RecordSubmittedConsumer>();
            bus.AddConsumer<RecordDecidedConsumer>();
            bus.AddConsumer<RecordRatedConsumer>();
        });
        builder.AddBusinessMeters<MatchingDbContext, MatchingMeters.Sampler>(MatchingMeters.Plan);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<TierOptions>(builder.Configuration.GetSection("Matching:Tiers"));
        builder.Services.AddOptions<BatchOptions>().Bind(builder.Configuration.GetSection("Matching:Batch"))
            .Validate(o => o.MostPairs is >= 1 and <= Assignment.MostPairs, $"Matching:Batch:MostPairs must be 1 to {Assignment.MostPairs}.")
            .ValidateOnStart();
        builder.Services.AddHostedService<DemoMatching>();
        builder.Services.AddHostedService<FirstContactSweep>();
        builder.Services.AddAuthorizationBuilder().AddMatchingPolicies(ServiceName);
        return builder;
    }

    /// <summary>Start-up steps, in this order: the schema, then the calendar copy and the suggestion rules where there are none yet.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<MatchingDbContext>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        await CalendarCopy.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
        await SuggestionRuleSeed.SeedAsync(db, CancellationToken.None);
    }
}
