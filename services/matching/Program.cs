using Talent.Matching;
using Talent.Matching.Audit;
using Talent.Matching.Data;
using Talent.Matching.Demands;
using Talent.Matching.Engagements;
using Talent.Matching.Matching;
using Talent.Matching.Providers;
using Talent.Matching.Suggestions;
using Talent.Matching.Record;
using Talent.Matching.Visits;
using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Outbox;
using Talent.ReadModels;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMatchingServices();

var app = builder.Build();
app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapOutboxApi<MatchingDbContext>("/api/matching", MatchingPolicies.Operator);
app.MapErrorQueuesApi("/api/matching", MatchingPolicies.Operator);
app.MapCatalogueCopyApi<MatchingDbContext>("/api/matching");
app.MapProvidersApi();
app.MapDemandsApi();
app.MapVisitsApi();
app.MapRecordApi();
app.MapCandidatesApi();
app.MapBatchesApi();
app.MapProposalsApi();
app.MapEngagementsApi();
app.MapVocabulariesApi();
app.MapSuggestionsApi();
app.MapSuggestionRulesApi();
app.MapAuditApi();
app.MapCalendarCopyApi<MatchingDbContext>(MatchingServiceExtensions.ServiceName);

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
