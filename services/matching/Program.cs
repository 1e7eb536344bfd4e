using Talent.Matching;
using Talent.Matching.Data;
using Talent.Matching.Suggestions;
using Talent.Data;
using Talent.ReadModels;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMatchingServices();

var app = builder.Build();

app.UseTalentAuthentication();
app.MapDefaultEndpoints();
app.MapCatalogueCopyApi<MatchingDbContext>("/api/matching");
app.MapMatchingApi();
app.MapSuggestionsApi();
app.MapCalendarCopyApi<MatchingDbContext>(MatchingServiceExtensions.ServiceName);

await app.MigrateDatabaseAsync<MatchingDbContext>();
await using (var scope = app.Services.CreateAsyncScope())
{
    await CalendarCopy.SeedAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), app.Services.GetRequiredService<TimeProvider>(), CancellationToken.None);
    await SuggestionsApi.SeedRulesAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), CancellationToken.None);
}

await app.RunAsync();

public partial class Program;
