using System.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Talent.Gateway;

/// <summary>The gateway's wiring: routes from configuration (service discovery), body size, CORS, limits, health.</summary>
public static class GatewayExtensions
{
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

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            // Only the configured proxies: the defaults would believe any caller on loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in options.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"Gateway:TrustedProxies: '{network}' is not a network in CIDR notation (e.g. 10.244.0.0/16)."));
            }
        });
        builder.Services.AddRateLimiter(RateLimits.Configure);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CachedHealthReport>();

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

    public static WebApplication UseGateway(this WebApplication app)
    {
        // First, so that the limits count the client behind a trusted proxy and YARP forwards its address and scheme.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.Use(SecurityHeaders);
        app.Use(AssignRequestId);
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

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
}
