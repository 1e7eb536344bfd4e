namespace Talent.Notifications;

/// <summary>Settings under <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    /// <summary>Where the links in messages point: the portal's public address (the gateway's root).</summary>
    public Uri? PortalUrl { get; set; }

    /// <summary>How long a decided service stays open for rating (好差评); the feedback service's <c>Feedback:EvaluationOpenFor</c>.</summary>
    public TimeSpan RatingOpenFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The last day (Beijing time) to rate a service that ended at <paramref name="endedAt"/>.</summary>
    public DateOnly RateBy(DateTimeOffset endedAt) => DateOnly.FromDateTime((endedAt + RatingOpenFor).ToOffset(TimeSpan.FromHours(8)).DateTime);

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();
}

/// <summary>The SMTP server e-mail goes through; no <see cref="Host"/> means no e-mail channel (the inbox says so).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "人才服务平台 Talent <no-reply@talent.example>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections a batch is sent over at once (1 to 16).</summary>
    public int Connections { get; set; } = 4;

    /// <summary>
    /// How long an idle connection is kept open for the next batch (zero: one connection per batch). Servers close idle
    /// sessions after minutes (RFC 5321 asks for at least five); a connection idle for more than a few seconds is checked
    /// with NOOP before it is used.
    /// </summary>
    public TimeSpan KeepIdleFor { get; set; } = TimeSpan.FromSeconds(30);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// SMS through a Dapr output binding (an SMS provider's binding, e.g. Twilio's, configured in the sidecar): on when a
/// sidecar's gRPC endpoint is given (<c>Notifications:Sms:DaprGrpcEndpoint</c>, or Dapr's own <c>DAPR_GRPC_ENDPOINT</c>),
/// off otherwise, and people are told so.
/// </summary>
public sealed class SmsOptions
{
    public string? DaprGrpcEndpoint { get; set; }

    /// <summary>The output binding's name in the sidecar's components.</summary>
    public string Binding { get; set; } = "sms";

    public string Operation { get; set; } = "create";

    /// <summary>The binding's metadata key for the number (Twilio's binding reads <c>toNumber</c>).</summary>
    public string NumberMetadata { get; set; } = "toNumber";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Configured => !string.IsNullOrWhiteSpace(DaprGrpcEndpoint);
}

/// <summary>How deliveries are sent and retried.</summary>
public sealed class DeliveryOptions
{
    /// <summary>How often the worker looks for deliveries that are due (it is also woken when new ones commit).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the worker, once woken by a commit, lets further deliveries gather before it takes a batch (zero: at
    /// once). Under load a pass then carries several messages instead of one, for its three database round trips.
    /// </summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The wait after the first failure; it doubles after each further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is set aside as dead (operators may send it again).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Deliveries taken at a time; each is leased for <see cref="Lease"/> while it is being sent.</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait before the n-th attempt's retry (n from 1): first back-off doubled n-1 times, capped.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks * factor));
    }
}
