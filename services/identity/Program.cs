using Talent.Identity;
using Talent.Identity.Account;
using Talent.Identity.Audit;
using Talent.Identity.Clients;
using Talent.Identity.Connect;
using Talent.Identity.Keys;
using Talent.Identity.Users;

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

await app.PrepareAsync();
await app.RunAsync();

public partial class Program;
