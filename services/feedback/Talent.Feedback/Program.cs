using Talent.Feedback;
using Talent.Feedback.Data;
using Talent.Feedback.Evaluations;
using Talent.Feedback.Invitations;
using Talent.Messaging.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddFeedbackServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapInvitationsApi();
app.MapEvaluationsApi();

await app.MigrateDatabaseAsync<FeedbackDbContext>();
await app.RunAsync();

public partial class Program;
