using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Talent.MunicipalStandIn;

// DEMONSTRATION ONLY: a stand-in for the municipal systems the platform exchanges data with. It serves department records
// to the exchange for materials that need not be submitted (免提交), behind the key the exchange is given; receives the
// exchange's webhooks (signature verified); and sends a demonstration certification (人才认定) when asked.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.Configure<ExchangeLinkOptions>(builder.Configuration.GetSection("StandIn:Exchange"));
builder.Services.AddHttpClient(nameof(ExchangeLink));
builder.Services.AddSingleton<ExchangeLink>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ExchangeLink>());
var app = builder.Build();
app.MapDefaultEndpoints();

var key = Encoding.UTF8.GetBytes(app.Configuration["StandIn:ApiKey"] ?? throw new InvalidOperationException("StandIn:ApiKey is not set."));
bool Keyed(HttpRequest request) =>
    request.Headers.Authorization.ToString() is { } given && given.StartsWith("Bearer ", StringComparison.Ordinal)
    && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[7..]), key);
IResult Unkeyed() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The stand-in's key is required. 需要密钥。");

app.MapGet("/records/{material}", (string material, string? subject, HttpRequest request) =>
    {
        if (!Keyed(request))
        {
            return Unkeyed();
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > 100)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["The person's id, 1 to 100 characters. 请提供人员标识。"] });
        }

        return Records.For(material, subject) is { } record ? Results.Ok(record) : Results.NotFound();
    })
    .AllowAnonymous()
    .WithSummary("DEMONSTRATION: a department's record of a person, for the exchange (bearer key).");

// The exchange's webhooks: verified with this run's subscription secret (Standard Webhooks), kept, logged for the dashboard.
app.MapPost("/webhooks", async (HttpRequest request, ExchangeLink link, ILogger<ExchangeLink> logger) =>
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (!link.SecretAsync.IsCompletedSuccessfully)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not subscribed yet.");
        }

        try
        {
            new StandardWebhook(await link.SecretAsync).Verify(body, request.Headers);
        }
        catch (Exception ex) when (ex is WebhookVerificationException or ArgumentException or FormatException)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signature does not verify. 签名无效。");
        }

        using var cloudEvent = System.Text.Json.JsonDocument.Parse(body);
        var received = new ReceivedWebhook(request.Headers["webhook-id"].ToString(), cloudEvent.RootElement.GetProperty("type").GetString() ?? "",
            cloudEvent.RootElement.GetProperty("subject").GetString() ?? "", DateTimeOffset.UtcNow);
        link.Keep(received);
        // Debug: one line an event would be the dashboard's busiest log under load; GET /webhooks/received lists them.
        logger.LogDebug("Webhook {Type} {Subject} received, signature verified", received.Type, received.Subject);
        return Results.NoContent();
    })
    .AllowAnonymous()
    .WithSummary("DEMONSTRATION: the exchange's webhook deliveries (Standard Webhooks signature).");

app.MapGet("/webhooks/received", (HttpRequest request, ExchangeLink link) => Keyed(request) ? Results.Ok(link.Received.ToArray()) : Unkeyed())
    .AllowAnonymous()
    .WithSummary("DEMONSTRATION: the webhooks received, newest last (bearer key).");

app.MapPost("/certifications/send", async (HttpRequest request, ExchangeLink link, CancellationToken cancellationToken) =>
    {
        if (!Keyed(request))
        {
            return Unkeyed();
        }

        var (status, body) = await link.SendCertificationAsync(cancellationToken);
        return Results.Content(body, "application/json", Encoding.UTF8, status);
    })
    .AllowAnonymous()
    .WithSummary("DEMONSTRATION: sends talent1's certification (Golden Phoenix, leading) to the exchange; the exchange's answer.");

app.Run();

public partial class Program;
