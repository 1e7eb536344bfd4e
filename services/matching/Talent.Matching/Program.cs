using Talent.Matching;
using Talent.Matching.Catalogue;
using Talent.Matching.Data;
using Talent.Messaging.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMatchingServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapCatalogueCopyApi();
app.MapMatchingApi();

await app.MigrateDatabaseAsync<MatchingDbContext>();
await app.RunAsync();

public partial class Program;
