using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Talent.Catalogue.Search;

/// <summary>Not ready until the index has been built: the gateway and orchestrator wait for it.</summary>
public sealed class SearchIndexHealthCheck(CatalogueSearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy($"{index.Count} items indexed")
            : HealthCheckResult.Unhealthy("Building the search index"));
}
