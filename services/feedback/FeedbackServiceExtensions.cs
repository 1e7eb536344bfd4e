using System.Text.Json;
using System.Text.Json.Serialization;
using Talent.Data;
using Talent.Feedback.Applications;
using Talent.Feedback.Data;
using Talent.Feedback.Demo;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Messaging;
using Talent.Messaging.Inbox;
using Talent.Messaging.Metrics;
using Talent.ReadModels;

namespace Talent.Feedback;

public static class FeedbackServiceExtensions
{
    public const string ServiceName = "feedback";

    public static IHostApplicationBuilder AddFeedbackServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<FeedbackDbContext>(ServiceName);
        builder.AddMessaging<FeedbackDbContext>(ServiceName, bus =>
        {
            bus.AddBatchConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<ApplicationAcceptedConsumer>();
            bus.AddConsumer<ApplicationDecidedConsumer>();
            bus.AddConsumer<EngagementClosedConsumer>();
            bus.AddCalendarCopyConsumer<FeedbackDbContext>(ServiceName);
            bus.AddCatalogueCopyConsumers<FeedbackDbContext>(ServiceName);
        });
        builder.AddBusinessMeters<FeedbackDbContext, FeedbackMeters.Sampler>(FeedbackMeters.Plan);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<FeedbackOptions>(builder.Configuration.GetSection("Feedback"));
        builder.Services.AddHostedService<FeedbackSweep>();
        builder.Services.AddSingleton<FiguresCache>();
        builder.Services.AddSingleton<ReferenceCache>();
        builder.Services.AddHostedService<FigureFolder>();
        builder.Services.AddSingleton<FiguresPublication>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FiguresPublication>());
        builder.Services.AddHostedService<DemoFeedback>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FeedbackPolicies.Applicant, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant"))
            .AddPolicy(FeedbackPolicies.Handler, AuthenticationExtensions.ScopeAndRole(ServiceName, "staff", "operator"))
            .AddPolicy(FeedbackPolicies.Staff, AuthenticationExtensions.ScopeAndRole(ServiceName, "staff"))
            .AddPolicy(FeedbackPolicies.Operator, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"))
            .AddPolicy(FeedbackPolicies.AnyUser, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant", "staff", "operator"));
        return builder;
    }

    /// <summary><c>GET /api/feedback/calendar/{year}</c>: this service's copy of the working-day calendar (shared read model).</summary>
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        routes.MapCalendarCopyApi<FeedbackDbContext>(ServiceName);
        return routes;
    }

    /// <summary>The start-up steps, in order: the database migrated, then the working-day calendar copy seeded.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<FeedbackDbContext>();
        await using var scope = app.Services.CreateAsyncScope();
        await CalendarCopy.SeedAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }
}
