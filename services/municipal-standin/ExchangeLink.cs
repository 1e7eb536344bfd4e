using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Talent.MunicipalStandIn;

/// <summary>Where the stand-in reaches the platform, as the demonstration municipal client (<c>StandIn:Exchange</c>).</summary>
public sealed class ExchangeLinkOptions
{
    /// <summary>The gateway; unset: the stand-in only serves records.</summary>
    public Uri? Gateway { get; set; }

    public string ClientId { get; set; } = "municipal-demo";

    public string ClientSecret { get; set; } = "";

    /// <summary>The stand-in's own address as the exchange reaches it (its webhook is <c>{PublicUrl}webhooks</c>).</summary>
    public Uri? PublicUrl { get; set; }
}

/// <summary>
/// DEMONSTRATION ONLY. The stand-in as a municipal system using the exchange: once the gateway answers it subscribes its
/// <c>/webhooks</c> to every feed event (replacing its subscriptions of earlier runs, at whatever address), and on request sends the
/// demonstration certification (人才认定) of talent1. Its calls are in the exchange's call log like any client's.
/// </summary>
public sealed class ExchangeLink(IOptions<ExchangeLinkOptions> options, IHttpClientFactory clients, ILogger<ExchangeLink> logger) : BackgroundService
{
    private readonly TaskCompletionSource<string> _secret = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The webhook deliveries received, newest last (at most 200 kept): id, type, subject, verified.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The signing secret of this run's subscription, once subscribed.</summary>
    public Task<string> SecretAsync => _secret.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Gateway is null || settings.PublicUrl is null)
        {
            return;
        }

        // The gateway opens last in the AppHost: ask until it answers.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _secret.TrySetResult(await SubscribeAsync(settings, stoppingToken));
                logger.LogInformation("Subscribed {Url} to the exchange's events as {Client}", new Uri(settings.PublicUrl, "webhooks"), settings.ClientId);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything (no answer, a timeout of the resilience pipeline, a refusal): a background failure would stop the host.
                logger.LogInformation("The exchange is not reachable yet ({Error}); trying again in 5 s", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    /// <summary>Sends the demonstration certification of talent1 (Golden Phoenix, leading); the exchange's answer.</summary>
    public async Task<(int Status, string Body)> SendCertificationAsync(CancellationToken cancellationToken)
    {
        using var http = await ClientAsync(options.Value, cancellationToken);
        using var response = await http.PutAsJsonAsync("exchange/v1/certifications/GP-DEMO-0001", new
        {
            personId = "demo-talent1", programme = "golden-phoenix", designation = "leading", certifiedOn = "2026-03-01", validUntil = "2029-02-28",
        }, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task<string> SubscribeAsync(ExchangeLinkOptions settings, CancellationToken cancellationToken)
    {
        using var http = await ClientAsync(settings, cancellationToken);
        var url = new Uri(settings.PublicUrl!, "webhooks").ToString();
        // Its subscriptions of earlier runs: the same path at any address (a run on another port left one behind, whose
        // deliveries could only fail). One stand-in per exchange: a second would replace the first's.
        var path = new Uri(url).AbsolutePath;
        foreach (var old in (await http.GetFromJsonAsync<JsonElement>("exchange/v1/webhooks", cancellationToken)).EnumerateArray()
                     .Where(s => Uri.TryCreate(s.GetProperty("url").GetString(), UriKind.Absolute, out var earlier) && earlier.AbsolutePath == path))
        {
            (await http.DeleteAsync($"exchange/v1/webhooks/{old.GetProperty("id").GetString()}", cancellationToken)).EnsureSuccessStatusCode();
        }

        using var created = await http.PostAsJsonAsync("exchange/v1/webhooks", new { url }, cancellationToken);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("secret").GetString()!;
    }

    private async Task<HttpClient> ClientAsync(ExchangeLinkOptions settings, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(nameof(ExchangeLink));
        http.BaseAddress = settings.Gateway ?? throw new InvalidOperationException("StandIn:Exchange:Gateway is not set.");
        using var token = await http.PostAsync("identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = settings.ClientId, ["client_secret"] = settings.ClientSecret, ["scope"] = "exchange",
        }), cancellationToken);
        token.EnsureSuccessStatusCode();
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    public void Keep(ReceivedWebhook webhook)
    {
        Received.Enqueue(webhook);
        while (Received.Count > 200)
        {
            Received.TryDequeue(out _);
        }
    }
}

public sealed record ReceivedWebhook(string Id, string Type, string Subject, DateTimeOffset At);
