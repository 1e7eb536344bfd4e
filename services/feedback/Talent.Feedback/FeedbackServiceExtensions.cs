using Talent.Feedback.Data;
using Talent.Messaging;

namespace Talent.Feedback;

public static class FeedbackServiceExtensions
{
    public const string ServiceName = "feedback";

    public static IHostApplicationBuilder AddFeedbackServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<FeedbackDbContext>(ServiceName);
        // Consumers (ApplicationDecided, EngagementClosed) arrive with the feedback issue.
        builder.AddMessaging(ServiceName);
        return builder;
    }
}
