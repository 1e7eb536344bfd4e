using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Outbox;
using Talent.Notifications;
using Talent.Notifications.Data;
using Talent.Notifications.Deliveries;
using Talent.Notifications.Inbox;
using Talent.Notifications.Preferences;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationsServices();

var app = builder.Build();
app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapOutboxApi<NotificationsDbContext>("/api/notifications", NotificationsPolicies.Operator);
app.MapErrorQueuesApi("/api/notifications", NotificationsPolicies.Operator);
app.MapInboxApi();
app.MapPreferencesApi();
app.MapDeliveriesApi();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
