using System.Text;
using System.Text.RegularExpressions;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace Talent.Exchange.Webhooks;

/// <summary>
/// Delivers a webhook through the Dapr sidecar for subscriptions whose URL starts with <c>dapr:</c>:
/// <list type="bullet">
/// <item><c>dapr:{binding}</c>: an output binding (<c>DaprClient.InvokeBindingAsync</c>), the CloudEvent as the data;</item>
/// <item><c>dapr:pubsub/{component}/{topic}</c>: a pub/sub topic (<c>DaprClient.PublishByteEventAsync</c>), the CloudEvent
/// published as it is (<c>application/cloudevents+json</c>, so Dapr does not wrap it in another).</item>
/// </list>
/// The Standard Webhooks headers travel as metadata (the HTTP binding sends metadata as headers; brokers' components as
/// message properties), so the receiver verifies it as any other delivery. Where it goes is the sidecar's business.
/// Built only when a sidecar is configured; the retries, back-off and dead-letter list are the worker's, as for HTTP.
/// </summary>
public sealed partial class DaprSender : IDisposable
{
    public const string Scheme = "dapr:";

    private readonly DaprClient? _dapr;
    private readonly string _operation;

    public DaprSender(IOptions<WebhookOptions> options)
    {
        _operation = options.Value.DaprOperation;
        if (!string.IsNullOrWhiteSpace(options.Value.DaprGrpcEndpoint))
        {
            _dapr = new DaprClientBuilder().UseGrpcEndpoint(options.Value.DaprGrpcEndpoint).Build();
        }
    }

    public bool Available => _dapr is not null;

    public static bool Names(string url) => url.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>Whether what follows <c>dapr:</c> is a binding's name or <c>pubsub/{component}/{topic}</c>.</summary>
    public static bool IsValid(string url) => Binding().IsMatch(url[Scheme.Length..]) || Topic().IsMatch(url[Scheme.Length..]);

    /// <summary>Null when the sidecar accepted it, else why not.</summary>
    public async Task<string?> SendAsync(string url, string payload, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (_dapr is null)
        {
            return "No Dapr sidecar is configured (Exchange:Webhooks:DaprGrpcEndpoint).";
        }

        var target = url[Scheme.Length..];
        var data = Encoding.UTF8.GetBytes(payload);
        try
        {
            if (Topic().Match(target) is { Success: true } topic)
            {
                await _dapr.PublishByteEventAsync(topic.Groups["component"].Value, topic.Groups["topic"].Value, data,
                    "application/cloudevents+json", new Dictionary<string, string>(headers), cancellationToken);
                return null;
            }

            var request = new BindingRequest(target, _operation) { Data = data };
            foreach (var (name, value) in headers)
            {
                request.Metadata[name] = value;
            }

            await _dapr.InvokeBindingAsync(request, cancellationToken);
            return null;
        }
        catch (DaprException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Dapr {target}: {ex.InnerException?.Message ?? ex.Message}";
        }
    }

    public void Dispose() => _dapr?.Dispose();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex Binding();

    [GeneratedRegex("^pubsub/(?<component>[a-z0-9][a-z0-9-]{0,59})/(?<topic>[A-Za-z0-9][A-Za-z0-9._-]{0,99})$")]
    private static partial Regex Topic();
}
