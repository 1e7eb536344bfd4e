using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Talent.Gateway;

/// <summary>
/// The gateway's own endpoints. <c>/health</c> is public (orchestrators and the system tests read it), so it is
/// limited per address, asks the services at most once per <see cref="GatewayOptions.HealthCacheDuration"/> however
/// often it is asked, and says only statuses: no descriptions, exception text or addresses. <c>/alive</c> is never
/// limited. A service's own <c>/health</c> and <c>/alive</c> (which do describe their checks) are not reachable here.
/// </summary>
public static class GatewayHealth
{
    public sealed record CheckView(string Status);

    public sealed record HealthView(string Status, IReadOnlyDictionary<string, CheckView> Checks);

    private static readonly string[] ServiceProbes = [ServiceDefaultsExtensions.HealthPath[1..], ServiceDefaultsExtensions.AlivePath[1..]];

    /// <summary>In place of <c>MapDefaultEndpoints</c>, whose <c>/health</c> describes every check.</summary>
    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(HideServiceProbes);
        app.MapGet(ServiceDefaultsExtensions.HealthPath, HealthAsync).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RateLimits.Kind(RateLimits.Health));
        // "live" is ServiceDefaults' liveness tag: the process answers, nothing downstream is asked.
        app.MapHealthChecks(ServiceDefaultsExtensions.AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .AllowAnonymous().WithMetadata(new RateLimits.Kind(null));
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> HealthAsync(CachedHealthReport health)
    {
        var report = await health.GetAsync();
        var view = new HealthView(report.Status.ToString(), report.Entries.ToDictionary(e => e.Key, e => new CheckView(e.Value.Status.ToString())));
        // Degraded is a check still starting (StartingHealthChecks): not ready either.
        return report.Status != HealthStatus.Healthy
            ? TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(view);
    }

    /// <summary>
    /// <c>/{service}/health</c> and <c>/{service}/alive</c> answer 404 however spelled (case, doubled or trailing
    /// slashes, escapes: the path is already decoded), so a route forwarding <c>/{service}/{**rest}</c> cannot reach them.
    /// </summary>
    private static Task HideServiceProbes(HttpContext context, Func<Task> next)
    {
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var services = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.Services;
        if (segments.Length >= 2
            && services.Contains(segments[0], StringComparer.OrdinalIgnoreCase)
            && ServiceProbes.Contains(segments[1], StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next();
    }
}

/// <summary>The last health report, shared by every caller until it is older than the cache duration; one check runs at a time.</summary>
public sealed class CachedHealthReport(HealthCheckService checks, IOptionsMonitor<GatewayOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<HealthReport>? _report;
    private DateTimeOffset _askedAt;

    public Task<HealthReport> GetAsync()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_report is null || (_report.IsCompleted && now - _askedAt >= options.CurrentValue.HealthCacheDuration))
            {
                _askedAt = now;
                // Not the caller's token: the check serves every caller until the next one.
                _report = checks.CheckHealthAsync(CancellationToken.None);
            }

            return _report;
        }
    }
}
