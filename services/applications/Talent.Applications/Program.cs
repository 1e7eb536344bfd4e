using Talent.Applications;
using Talent.Applications.Catalogue;
using Talent.Applications.Data;
using Talent.Messaging.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationsServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapCatalogueCopyApi();

await app.MigrateDatabaseAsync<ApplicationsDbContext>();
await app.RunAsync();

public partial class Program;
