using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Talent.Services.Tests;

/// <summary>
/// A municipal system's webhook receiver in the test process (Kestrel on a loopback port): each POST to
/// <c>/{name}</c> is answered with the status the test chose for that name, and kept with whether its signature
/// verified with the <c>StandardWebhooks</c> library against the secret the test registered for that name.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Name, string Id, string Body, bool Verified);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Per name: the secret to verify with, the status to answer, and how many first requests get 503 instead.</summary>
    public ConcurrentDictionary<string, (string Secret, int Status, int RefuseFirst)> Names { get; } = new();

    private readonly ConcurrentDictionary<string, int> _counts = new();

    public Uri Address { get; private set; } = null!;

    private TestWebhookReceiver(WebApplication app) => _app = app;

    public static async Task<TestWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new TestWebhookReceiver(app);
        app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var (secret, status, refuseFirst) = receiver.Names.GetValueOrDefault(name, ("", 404, 0));
            if (receiver._counts.AddOrUpdate(name, 1, (_, n) => n + 1) <= refuseFirst)
            {
                status = 503;
            }

            bool verified;
            try
            {
                new StandardWebhook(secret).Verify(body, request.Headers);
                verified = true;
            }
            catch (Exception ex) when (ex is WebhookVerificationException or ArgumentException or FormatException)
            {
                verified = false;
            }

            receiver.Requests.Enqueue(new Received(name, request.Headers["webhook-id"].ToString(), body, verified));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
