namespace Talent.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>Origins of web clients allowed by CORS (e.g. the portal).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes (uploads of 20 MB plus form overhead).</summary>
    public long MaxRequestBodyBytes { get; set; } = 25 * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The token endpoint and the sign-in form: tighter, since they are where passwords and secrets are guessed.</summary>
    public RateLimitOptions TokenRateLimit { get; set; } = new() { PermitsPerSecond = 20, Burst = 40 };

    /// <summary>The gateway's <c>/health</c>, per address: public, so limited like everything else that is.</summary>
    public RateLimitOptions HealthRateLimit { get; set; } = new() { PermitsPerSecond = 5, Burst = 20 };

    /// <summary>How long an answer of the services' health serves every <c>/health</c>: each is asked at most once in that time.</summary>
    public TimeSpan HealthCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The networks (CIDR, e.g. <c>10.244.0.0/16</c>) of the proxies in front of the gateway whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> it believes: behind a Kubernetes ingress that ends HTTPS, the client's address (what the
    /// rate limits count) and scheme (what the portal's and identity's redirects use) are the ingress's otherwise. Empty
    /// (the default): the gateway faces its clients, and a client's own <c>X-Forwarded-*</c> is never believed.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The services whose <c>/health</c> the gateway's own health reports (service discovery names).</summary>
    public string[] Services { get; set; } = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange"];
}

public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second, per address and, for a bearer token, per subject.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests an address or subject may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>
    /// How often <see cref="PermitsPerSecond"/> permits are added back: every second unless set. Tests set an hour, so
    /// that what is refused depends only on the count of requests, not on how fast the machine sends them.
    /// </summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
