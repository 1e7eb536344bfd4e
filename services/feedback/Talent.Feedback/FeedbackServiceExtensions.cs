using Talent.Feedback.Data;
using Talent.Feedback.Invitations;
using Talent.Messaging;

namespace Talent.Feedback;

public static class FeedbackServiceExtensions
{
    public const string ServiceName = "feedback";

    public static IHostApplicationBuilder AddFeedbackServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<FeedbackDbContext>(ServiceName);
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<ApplicationDecidedConsumer>();
            bus.AddConsumer<Calendar.WorkingCalendarChangedConsumer>();
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<FeedbackOptions>(builder.Configuration.GetSection("Feedback"));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InvitationsApi.ApplicantPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant"));
        return builder;
    }
}
