using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Starting is not failing. Until a readiness check has passed once since the process started (and for at most
/// <c>Health:StartingGrace</c>, two minutes by default), its failure is reported as <see cref="HealthStatus.Degraded"/>
/// with "Starting:" before its description: the health check service logs it as a warning, not an error, and
/// <c>/health</c> still answers 503, so nothing is routed to the process yet. After that a failure is a failure
/// (Unhealthy, an error in the log). Every clean start used to put errors in the dashboard (the bus "Not ready: not
/// started", the search index building).
/// </summary>
public sealed class StartingHealthChecks(TimeProvider time, IConfiguration configuration) : IPostConfigureOptions<HealthCheckServiceOptions>
{
    /// <summary>How long after the process started a failing check still counts as starting.</summary>
    private readonly TimeSpan _grace = configuration.GetValue("Health:StartingGrace", TimeSpan.FromMinutes(2));

    private readonly long _started = time.GetTimestamp();
    private readonly ConcurrentDictionary<string, bool> _passed = new(StringComparer.Ordinal);

    public void PostConfigure(string? name, HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations.Where(r => !r.Tags.Contains(ServiceDefaultsExtensions.LiveTag)))
        {
            var inner = registration.Factory;
            registration.Factory = services => new Starting(inner(services), registration.Name, this);
        }
    }

    private bool IsStarting(string check) => !_passed.ContainsKey(check) && time.GetElapsedTime(_started) < _grace;

    private sealed class Starting(IHealthCheck inner, string name, StartingHealthChecks state) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var result = await inner.CheckHealthAsync(context, cancellationToken);
            if (result.Status == HealthStatus.Healthy)
            {
                state._passed.TryAdd(name, true);
                return result;
            }

            return state.IsStarting(name)
                ? new HealthCheckResult(HealthStatus.Degraded, $"Starting: {result.Description}", result.Exception, result.Data)
                : result;
        }
    }
}
