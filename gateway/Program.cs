using Talent.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGateway();
app.MapGatewayEndpoints();
app.MapApiReference();
app.MapReverseProxy();

await app.RunAsync();

public partial class Program;
