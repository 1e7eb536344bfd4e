using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talent.Gateway;

/// <summary>Asks a service's own <c>/health</c> through service discovery, so the gateway reports what it can reach.</summary>
public sealed class DownstreamHealthCheck(IHttpClientFactory clients, string service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient("downstream-health");
            using var response = await client.GetAsync($"http://{service}/health", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{service} is ready")
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{service} cannot be reached: {ex.Message}");
        }
    }
}
