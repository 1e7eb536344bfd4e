using Talent.Applications.Materials;
using Talent.Applications.Applying;
using Talent.Applications.Bookings;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Applications.Deadlines;
using Talent.Applications.Demo;
using Talent.Applications.Figures;
using Talent.Data;
using Talent.Messaging;
using Talent.Messaging.Inbox;
using Talent.Messaging.Metrics;
using Talent.ReadModels;

namespace Talent.Applications;

public static class ApplicationsServiceExtensions
{
    public const string ServiceName = "applications";

    public static IHostApplicationBuilder AddApplicationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddTalentAuthentication(ServiceName);
        builder.AddServiceDatabase<ApplicationsDbContext>(ServiceName);
        builder.AddMessaging<ApplicationsDbContext>(ServiceName, bus =>
        {
            bus.AddCatalogueCopyConsumers<ApplicationsDbContext>(ServiceName);
            bus.AddPeopleCopyConsumer<ApplicationsDbContext>(ServiceName);
            bus.AddBatchConsumer<SharedMaterialConsumer>();
        });
        builder.AddBusinessMeters<ApplicationsDbContext, ApplicationMeters.Sampler>(ApplicationMeters.Plan);
        builder.Services.Configure<ApplicationsOptions>(builder.Configuration.GetSection("Applications"));
        builder.Services.AddSingleton<CalendarProvider>();
        builder.Services.AddHostedService<DeadlineSweep>();
        builder.Services.AddSingleton<BookingReminders>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BookingReminders>());
        builder.Services.AddHostedService<DemoApplications>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApplicationsApi.UserPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant", "staff", "operator"))
            .AddPolicy(ApplicationsApi.StaffPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "staff"))
            .AddPolicy(ApplicationsApi.ApplicantPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant"))
            .AddPolicy(ApplicationsApi.FilerPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "applicant", "staff"))
            .AddPolicy(ApplicationsApi.HandoverPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "staff", "operator"))
            .AddPolicy(CalendarApi.OperatorPolicy, AuthenticationExtensions.ScopeAndRole(ServiceName, "operator"));
        return builder;
    }

    /// <summary>Start-up, in order: apply the migrations, then seed the working-day calendar when empty and load it.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<ApplicationsDbContext>();
        await using var scope = app.Services.CreateAsyncScope();
        await app.Services.GetRequiredService<CalendarProvider>().LoadAsync(
            scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }
}
