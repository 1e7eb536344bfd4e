using Microsoft.EntityFrameworkCore.Diagnostics;
using Talent.Data;
using Talent.Messaging;
using Talent.Messaging.Inbox;
using Talent.Messaging.Metrics;
using Talent.Notifications.Data;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Messages;
using Talent.Notifications.People;
using Talent.ReadModels;

namespace Talent.Notifications;

public static class NotificationsServiceExtensions
{
    public const string ServiceName = "notifications";

    private static readonly string[] People = ["applicant", "staff", "commissioner", "butler", "broker", "operator"];

    public static IHostApplicationBuilder AddNotificationsServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddTalentAuthentication(ServiceName);
        // Before the database: its contexts take the interceptors registered by then.
        services.AddCommitSignal<Delivery>();
        builder.AddServiceDatabase<NotificationsDbContext>(ServiceName);
        builder.AddMessaging<NotificationsDbContext>(ServiceName, bus =>
        {
            bus.AddConsumer<PersonChangedConsumer>().Endpoint(e => e.Name = $"{ServiceName}-person-changed");
            bus.AddConsumer<SupplementRequestedConsumer>();
            bus.AddConsumer<AcceptedConsumer>();
            bus.AddConsumer<DecidedConsumer>();
            bus.AddBatchConsumer<DueSoonConsumer>();
            bus.AddBatchConsumer<OverdueConsumer>();
            bus.AddConsumer<RectificationOverdueConsumer>();
            bus.AddConsumer<EngagementStartedConsumer>();
            bus.AddConsumer<MatchProposedConsumer>();
            bus.AddConsumer<TicketRepliedConsumer>();
            bus.AddConsumer<RefusedConsumer>();
            bus.AddConsumer<MilestoneConsumer>();
            bus.AddConsumer<EngagementClosedConsumer>();
            bus.AddConsumer<SuggestionConsumer>();
            bus.AddConsumer<RectificationOpenedConsumer>();
            bus.AddConsumer<TicketOpenedConsumer>();
            bus.AddConsumer<TicketTransferredConsumer>();
            bus.AddConsumer<BookingDecidedConsumer>();
            bus.AddConsumer<BookingReminderConsumer>();
            bus.AddCatalogueCopyConsumers<NotificationsDbContext>(ServiceName);
        });
        builder.AddBusinessMeters<NotificationsDbContext, NotificationsMeters.Sampler>(NotificationsMeters.Plan);
        services.AddSingleton<IInterceptor, NotificationsCounter>();
        services.AddOptions<NotificationsOptions>().BindConfiguration("Notifications");
        services.AddScoped<Notifier>();
        services.AddSingleton<EmailSender>();
        // Dapr's own variable names the sidecar where it injects one (DAPR_GRPC_ENDPOINT); our setting wins.
        services.PostConfigure<NotificationsOptions>(o => o.Sms.DaprGrpcEndpoint ??= builder.Configuration["DAPR_GRPC_ENDPOINT"]);
        services.AddSingleton<SmsSender>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddAuthorizationBuilder()
            .AddPolicy(NotificationsPolicies.Person, AuthenticationExtensions.ScopeAndRole(ServiceName, People))
            .AddPolicy(NotificationsPolicies.Operator, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"));
        return builder;
    }

    /// <summary>The start-up step: the database migrated.</summary>
    public static Task PrepareAsync(this WebApplication app) => app.MigrateDatabaseAsync<NotificationsDbContext>();
}
