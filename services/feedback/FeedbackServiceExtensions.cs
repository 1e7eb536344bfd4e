using Talent.Data;
using Talent.Feedback.Analysis;
using Talent.Feedback.Applications;
using Talent.Feedback.Data;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.Messaging;
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
            bus.AddConsumer<ApplicationSubmittedConsumer>();
            bus.AddConsumer<ApplicationAcceptedConsumer>();
            bus.AddConsumer<ApplicationDecidedConsumer>();
            bus.AddConsumer<EngagementClosedConsumer>();
            bus.AddCalendarCopyConsumer<FeedbackDbContext>(ServiceName);
            bus.AddCatalogueCopyConsumers<FeedbackDbContext>(ServiceName);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<FeedbackOptions>(builder.Configuration.GetSection("Feedback"));
        builder.Services.AddHostedService<FeedbackSweep>();
        builder.Services.AddSingleton<Figures.FiguresApi.FiguresCache>();
        builder.Services.AddSingleton<Evaluations.ReferenceCache>();
        builder.Services.AddHostedService<Figures.FigureFolder>();
        builder.Services.AddHostedService<Demo.DemoFeedback>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InvitationsApi.ApplicantPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant"))
            .AddPolicy(RectificationsApi.HandlerPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "staff", "operator"))
            .AddPolicy(AnalysisApi.OperatorPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"))
            .AddPolicy(TicketsApi.AnyUserPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant", "staff", "operator"));
        return builder;
    }
}
