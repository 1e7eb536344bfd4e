using Talent.Feedback;
using Talent.Feedback.Analysis;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Figures;
using Talent.Feedback.Invitations;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;
using Talent.Feedback.Data;
using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Outbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFeedbackServices();

var app = builder.Build();
app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapOutboxApi<FeedbackDbContext>("/api/feedback", FeedbackPolicies.Operator);
app.MapErrorQueuesApi("/api/feedback", FeedbackPolicies.Operator);
app.MapInvitationsApi();
app.MapEvaluationsApi();
app.MapCalendarApi();
app.MapRectificationsApi();
app.MapTicketsApi();
app.MapFiguresApi();
app.MapAnalysisApi();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
