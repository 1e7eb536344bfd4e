namespace Talent.AppHost;

internal static class TalentServiceExtensions
{
    /// <summary>
    /// A domain service: its own database on the shared server (<c>{prefix}_{name}</c>, prefix <c>talent</c>
    /// unless <c>Talent:DatabasePrefix</c> says otherwise), the broker, migrations
    /// once at start in the embedded default, readiness from its <c>/health</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTalentService(this IResourceBuilder<ProjectResource> service, Infrastructure infrastructure)
    {
        var name = service.Resource.Name;
        service
            .WithEnvironment($"ConnectionStrings__{name}", $"{infrastructure.Postgres};Database={infrastructure.DatabasePrefix}_{name}")
            .WithEnvironment("ConnectionStrings__messaging", infrastructure.Messaging)
            .WithEnvironment("Database__MigrateOnStart", infrastructure.MigrateOnStart ? "true" : "false")
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithHttpHealthCheck("/health");
        foreach (var dependency in infrastructure.WaitFor)
        {
            service.WaitFor(dependency);
        }

        return service;
    }
}
