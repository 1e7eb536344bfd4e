using Talent.Applications;
using Talent.Applications.Applying;
using Talent.Applications.Bookings;
using Talent.Applications.Calendar;
using Talent.Applications.Data;
using Talent.Applications.Deadlines;
using Talent.Applications.Enquiries;
using Talent.Applications.Figures;
using Talent.Applications.Materials;
using Talent.ReadModels;
using Talent.Messaging.ErrorQueues;
using Talent.Messaging.Outbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationsServices();

var app = builder.Build();
app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapOutboxApi<ApplicationsDbContext>(ApplicationsApi.Prefix, CalendarApi.OperatorPolicy);
app.MapErrorQueuesApi(ApplicationsApi.Prefix, CalendarApi.OperatorPolicy);
app.MapCatalogueCopyApi<ApplicationsDbContext>(ApplicationsApi.Prefix);
app.MapDraftingApi();
app.MapMaterialsApi();
app.MapSubmissionApi();
app.MapHandlingApi();
app.MapCaseQueriesApi();
app.MapPeopleLookupApi();
app.MapEnquiriesApi();
app.MapBookingsApi();
app.MapFiguresApi();
app.MapCalendarApi();
app.MapDeadlineSweepApi();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
