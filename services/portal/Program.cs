using Talent.Portal;
using Talent.Portal.Account;
using Talent.Portal.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPortalServices();

var app = builder.Build();
app.UsePortalPipeline();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapStaticAssets();
app.MapRazorComponents<App>();

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
