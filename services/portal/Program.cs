using Talent.Portal;
using Talent.Portal.Account;
using Talent.Portal.Components;
using Talent.Portal.Console;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPortalServices();

var app = builder.Build();
app.UsePortalPipeline();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapCaseFiles();
app.MapFiguresCsv();
app.MapStaticAssets();
app.MapRazorComponents<App>();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
