using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Talent.Gateway;

public static class GatewayExtensions
{
    public const string RateLimitPolicy = "per-client";
    public const string TokenRateLimitPolicy = "token";
    public const string CorsPolicy = "clients";
    public const string RequestIdHeader = "X-Request-Id";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gateway");
        builder.Services.Configure<GatewayOptions>(section);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.CorsOrigins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(RequestIdHeader, "Retry-After", "ETag", "Location")));

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(RateLimitPolicy, context => Bucket(context, o => o.RateLimit, "api"));
            limiter.AddPolicy(TokenRateLimitPolicy, context => Bucket(context, o => o.TokenRateLimit, "token"));
        });

        var health = builder.Services.AddHealthChecks();
        foreach (var service in options.Services)
        {
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                service,
                sp => new DownstreamHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), service),
                failureStatus: null,
                tags: ["ready", "downstream"],
                timeout: TimeSpan.FromSeconds(5)));
        }

        return builder;
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, Func<GatewayOptions, RateLimitOptions> pick, string kind)
    {
        var limits = pick(context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue);
        return RateLimitPartition.GetTokenBucketLimiter(kind + ":" + ClientKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Burst),
            TokensPerPeriod = Math.Max(1, limits.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.Use(AssignRequestId);
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// The client a request counts against: its address for now; the token's client or subject once
    /// identity is in place.
    /// </summary>
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>On every response, the services' included: no sniffing, no framing, no referrer leaks, HSTS over https.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    private static Task AssignRequestId(HttpContext context, Func<Task> next)
    {
        var id = context.Request.Headers[RequestIdHeader].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128)
        {
            id = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
            context.Request.Headers[RequestIdHeader] = id;
        }

        context.Response.Headers[RequestIdHeader] = id;
        return next();
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
