namespace Talent.Exchange.Webhooks;

/// <summary>Webhook delivery settings (<c>Exchange:Webhooks</c>): retries double from 30 s to 6 h, twelve attempts (about 8.5 hours in all).</summary>
public sealed class WebhookOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    public int MaxAttempts { get; set; } = 12;

    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries sent at once.</summary>
    public int Parallelism { get; set; } = 8;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A Dapr sidecar's gRPC endpoint (<c>Exchange:Webhooks:DaprGrpcEndpoint</c>, or Dapr's own <c>DAPR_GRPC_ENDPOINT</c>):
    /// when set, a subscription may name a Dapr output binding or pub/sub topic instead of a URL (<c>dapr:{binding}</c>,
    /// <c>dapr:pubsub/{component}/{topic}</c>), and its deliveries
    /// go through the sidecar. Without one such subscriptions are refused; deliveries are plain HTTP.
    /// </summary>
    public string? DaprGrpcEndpoint { get; set; }

    /// <summary>The binding operation a delivery invokes (the HTTP binding's <c>post</c>, or <c>create</c> for most others).</summary>
    public string DaprOperation { get; set; } = "post";

    /// <summary>The wait after the n-th failed attempt (n from 1): the first back-off doubled n-1 times, capped.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));
}
