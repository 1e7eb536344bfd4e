using Talent.Identity;
using Talent.Identity.Account;
using Talent.Identity.Admin;
using Talent.Identity.Connect;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();

app.UseIdentityPipeline();
app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapSignInPage();
app.MapUsersApi();
app.MapClientsApi();
app.MapAuditApi();
app.MapKeysApi();

await app.PrepareIdentityAsync();
await app.RunAsync();

public partial class Program;
