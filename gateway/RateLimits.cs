using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Talent.Gateway;

/// <summary>
/// Token buckets per kind of request: <c>api</c> (every route unless marked), <c>token</c> (where passwords and
/// secrets are guessed: the token endpoint and the sign-in form, marked by the route's <c>RateLimit</c> metadata),
/// <c>health</c> (the gateway's own). A request counts against its address's bucket and, when it carries a bearer
/// token, its subject's bucket too, so one person cannot spread over many addresses nor one address hide many people.
/// </summary>
public static class RateLimits
{
    public const string Api = "api";
    public const string Token = "token";
    public const string Health = "health";

    /// <summary>The route metadata key (<c>ReverseProxy:Routes:{id}:Metadata:RateLimit</c>) naming a route's kind.</summary>
    public const string RouteMetadataKey = "RateLimit";

    /// <summary>Endpoint metadata naming the kind of a gateway endpoint; a null kind is never limited (liveness).</summary>
    public sealed record Kind(string? Name);

    private static readonly object SubjectItem = new();

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = WriteRejectionAsync;
        limiter.GlobalLimiter = new EveryBucket<HttpContext>(
            PartitionedRateLimiter.Create<HttpContext, string>(context => Bucket(context, "ip", context.Connection.RemoteIpAddress?.ToString() ?? "unknown")),
            // The gateway's health is limited by address only: it serves no person.
            PartitionedRateLimiter.Create<HttpContext, string>(context => SubjectOf(context) is { } subject && KindOf(context) != Health
                ? Bucket(context, "sub", subject)
                : RateLimitPartition.GetNoLimiter("")));
    }

    /// <summary>Read once per request: the limiter asks for the partition more than once.</summary>
    private static string? SubjectOf(HttpContext context)
    {
        if (!context.Items.TryGetValue(SubjectItem, out var subject))
        {
            subject = context.Items[SubjectItem] = BearerSubject.Of(context.Request);
        }

        return subject as string;
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, string by, string who)
    {
        var kind = KindOf(context);
        if (kind is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue;
        var limits = kind switch
        {
            Token => options.TokenRateLimit,
            Health => options.HealthRateLimit,
            _ => options.RateLimit,
        };
        return RateLimitPartition.GetTokenBucketLimiter($"{kind}:{by}:{who}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Burst),
            TokensPerPeriod = Math.Max(1, limits.PermitsPerSecond),
            ReplenishmentPeriod = limits.ReplenishmentPeriod > TimeSpan.Zero ? limits.ReplenishmentPeriod : TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The gateway endpoint's mark, else the proxied route's metadata, else <c>api</c> (unknown paths too).</summary>
    private static string? KindOf(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<Kind>() is { } marked)
        {
            return marked.Name;
        }

        return metadata?.GetMetadata<RouteModel>()?.Config.Metadata is { } route && route.TryGetValue(RouteMetadataKey, out var kind) && kind is Token or Health
            ? kind
            : Api;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
                title: "Too many requests. 请求过于频繁，请稍后再试。",
                detail: $"Retry after {response.Headers.RetryAfter} s.",
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(rejected.HttpContext);
    }
}
