using System.Text;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace Talent.Exchange.Webhooks;

/// <summary>
/// Delivers a webhook through a Dapr output binding (<c>DaprClient.InvokeBindingAsync</c>) for subscriptions whose URL is
/// <c>dapr:{binding}</c>: the CloudEvent as the data, the Standard Webhooks headers as metadata (the HTTP binding sends
/// metadata as headers), so the receiver verifies it as any other delivery. Where it goes is the sidecar's business.
/// Built only when a sidecar is configured; the retries, back-off and dead-letter list are the worker's, as for HTTP.
/// </summary>
public sealed class DaprBindingSender : IDisposable
{
    public const string Scheme = "dapr:";

    private readonly DaprClient? _dapr;
    private readonly string _operation;

    public DaprBindingSender(IOptions<WebhookOptions> options)
    {
        _operation = options.Value.DaprOperation;
        if (!string.IsNullOrWhiteSpace(options.Value.DaprGrpcEndpoint))
        {
            _dapr = new DaprClientBuilder().UseGrpcEndpoint(options.Value.DaprGrpcEndpoint).Build();
        }
    }

    public bool Available => _dapr is not null;

    public static bool Names(string url) => url.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>Null when the binding accepted it, else why not.</summary>
    public async Task<string?> SendAsync(string url, string payload, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (_dapr is null)
        {
            return "No Dapr sidecar is configured (Exchange:Webhooks:DaprGrpcEndpoint).";
        }

        var request = new BindingRequest(url[Scheme.Length..], _operation) { Data = Encoding.UTF8.GetBytes(payload) };
        foreach (var (name, value) in headers)
        {
            request.Metadata[name] = value;
        }

        try
        {
            await _dapr.InvokeBindingAsync(request, cancellationToken);
            return null;
        }
        catch (DaprException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Dapr binding {request.BindingName}: {ex.InnerException?.Message ?? ex.Message}";
        }
    }

    public void Dispose() => _dapr?.Dispose();
}
