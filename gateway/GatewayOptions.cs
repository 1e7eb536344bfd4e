namespace Talent.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>Origins of web clients allowed by CORS (e.g. the portal).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes (uploads of 20 MB plus form overhead).</summary>
    public long MaxRequestBodyBytes { get; set; } = 25 * 1024 * 1024;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The identity provider's token endpoint: tighter, since it is where passwords and secrets are guessed.</summary>
    public RateLimitOptions TokenRateLimit { get; set; } = new() { PermitsPerSecond = 20, Burst = 40 };

    /// <summary>The services whose <c>/health</c> the gateway's own health reports (service discovery names).</summary>
    public string[] Services { get; set; } = ["identity", "catalogue", "applications", "feedback", "matching"];
}

public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second per client.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests a client may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 400;
}
