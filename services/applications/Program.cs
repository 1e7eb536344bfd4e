using Talent.Applications;
using Talent.Applications.Applying;
using Talent.Applications.Calendar;
using Talent.ReadModels;
using Talent.Applications.Data;
using Talent.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationsServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapCatalogueCopyApi<ApplicationsDbContext>("/api/applications");
app.MapApplicationsApi();
app.MapEnquiriesApi();
app.MapCalendarApi();

await app.MigrateDatabaseAsync<ApplicationsDbContext>();
await app.LoadCalendarAsync();
await app.RunAsync();

public partial class Program;
