using Talent.Feedback;
using Talent.Feedback.Analysis;
using Talent.Feedback.Figures;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.Feedback.Data;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.Data;
using Talent.ReadModels;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddFeedbackServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapInvitationsApi();
app.MapEvaluationsApi();
app.MapCalendarCopyApi<FeedbackDbContext>(FeedbackServiceExtensions.ServiceName);
app.MapRectificationsApi();
app.MapTicketsApi();
app.MapFiguresApi();
app.MapAnalysisApi();

await app.MigrateDatabaseAsync<FeedbackDbContext>();
await using (var scope = app.Services.CreateAsyncScope())
{
    await Talent.ReadModels.CalendarCopy.SeedAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
}

await app.RunAsync();

public partial class Program;
