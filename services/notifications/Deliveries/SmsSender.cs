using Dapr.Client;
using Microsoft.Extensions.Options;

namespace Talent.Notifications.Deliveries;

/// <summary>A text message to send: where, and the text.</summary>
public sealed record OutgoingSms(Guid DeliveryId, string To, string Text);

/// <summary>
/// Sends SMS through the Dapr sidecar's output binding (<c>DaprClient.InvokeBindingAsync</c>): the provider is the
/// sidecar's business, so any SMS binding it is configured with works. Built only when a sidecar is configured.
/// </summary>
public sealed class SmsSender : IDisposable
{
    private readonly DaprClient? _dapr;
    private readonly SmsOptions _options;
    private readonly ILogger<SmsSender> _logger;

    private readonly TimeProvider _time;

    public SmsSender(IOptions<NotificationsOptions> options, TimeProvider time, ILogger<SmsSender> logger)
    {
        _time = time;
        _options = options.Value.Sms;
        _logger = logger;
        if (_options.Configured)
        {
            _dapr = new DaprClientBuilder().UseGrpcEndpoint(_options.DaprGrpcEndpoint).Build();
        }
    }

    public bool Available => _dapr is not null;

    /// <summary>Each delivery's outcome: accepted by the binding, or why not.</summary>
    public async Task<Dictionary<Guid, DeliveryOutcome>> SendAsync(IReadOnlyList<OutgoingSms> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<Guid, DeliveryOutcome>();
        foreach (var sms in messages)
        {
            if (_dapr is null)
            {
                outcomes[sms.DeliveryId] = new("No Dapr sidecar is configured for SMS (Notifications:Sms:DaprGrpcEndpoint).", _time.GetUtcNow());
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await _dapr.InvokeBindingAsync(_options.Binding, _options.Operation, sms.Text,
                    new Dictionary<string, string> { [_options.NumberMetadata] = sms.To, ["deliveryId"] = sms.DeliveryId.ToString() }, timeout.Token);
                outcomes[sms.DeliveryId] = new(null, _time.GetUtcNow());
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("SMS binding {Binding} refused delivery {Delivery}: {Error}", _options.Binding, sms.DeliveryId, ex.Message);
                outcomes[sms.DeliveryId] = new($"SMS binding {_options.Binding}: {ex.Message}", _time.GetUtcNow());
            }
        }

        return outcomes;
    }

    public void Dispose() => _dapr?.Dispose();
}
