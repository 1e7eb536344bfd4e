using Microsoft.Extensions.Configuration;

namespace Talent.AppHost;

internal static class TalentServiceExtensions
{
    /// <summary>
    /// A domain service: its own database on the shared server (<c>{prefix}_{name}</c>, prefix <c>talent</c>
    /// unless <c>Talent:DatabasePrefix</c> says otherwise), the broker, migrations
    /// once at start in the embedded default, readiness from its <c>/health</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTalentService(this IResourceBuilder<ProjectResource> service, Infrastructure infrastructure, ReferenceExpression issuer)
    {
        var name = service.Resource.Name;
        service
            .WithEnvironment("Authentication__Authority", issuer)
            .WithEnvironment("Authentication__RequireHttpsMetadata", infrastructure.RequireHttpsSetting)
            .WithEnvironment($"ConnectionStrings__{name}", ReferenceExpression.Create($"{infrastructure.Postgres};Database={infrastructure.DatabasePrefix}_{name}"))
            .WithEnvironment("ConnectionStrings__messaging", infrastructure.Messaging)
            .WithEnvironment("Database__MigrateOnStart", infrastructure.MigrateOnStart ? "true" : "false")
            .WithEnvironment("MASSTRANSIT_USAGE_TELEMETRY", "false")
            .WithSettingsFrom(infrastructure.Configuration, "Telemetry")
            .WithSettingsFrom(infrastructure.Configuration, "Authentication")
            // Demonstration data of each service (seeded on start) follows the same switch as the identity's.
            .WithEnvironment($"{char.ToUpperInvariant(name[0])}{name[1..]}__DemoData", infrastructure.DemoData ? "true" : "false")
            .WithHttpHealthCheck("/health")
            .WithRunEnvironment(infrastructure);
        foreach (var dependency in infrastructure.WaitFor)
        {
            service.WaitFor(dependency);
        }

        return service;
    }

    /// <summary>
    /// The embedded OpenID Connect provider: its issuer as clients see it (through the gateway), plain http only in the
    /// embedded default (elsewhere HTTPS unless <c>Identity:RequireHttps=false</c> is given), and the demonstration
    /// accounts and password flow unless <c>Talent:DemoData=false</c> (off by default with external infrastructure).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentityProvider(this IResourceBuilder<ProjectResource> identity, Infrastructure infrastructure, ReferenceExpression issuer, EndpointReference gateway) =>
        identity
            .WithEnvironment("Identity__Issuer", issuer)
            .WithEnvironment("Identity__RequireHttps", infrastructure.RequireHttpsSetting)
            .WithEnvironment("Identity__DemoData", infrastructure.DemoData ? "true" : "false")
            // The portal is reached through the gateway, at its root: its client's redirect addresses follow it.
            .WithEnvironment("Identity__PortalUrl", ReferenceExpression.Create($"{gateway}/"))
            .WithSettingsFrom(infrastructure.Configuration, "Identity");

    /// <summary>
    /// The web portal: its own small database (sessions, data-protection keys), the identity provider's issuer for signing
    /// people in, and the gateway it calls the APIs through on their behalf (and where people reach it).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPortal(this IResourceBuilder<ProjectResource> portal, Infrastructure infrastructure, ReferenceExpression issuer, EndpointReference gateway)
    {
        portal
            .WithEnvironment("ConnectionStrings__portal", ReferenceExpression.Create($"{infrastructure.Postgres};Database={infrastructure.DatabasePrefix}_portal"))
            .WithEnvironment("Database__MigrateOnStart", infrastructure.MigrateOnStart ? "true" : "false")
            .WithEnvironment("Portal__Authority", issuer)
            .WithEnvironment("Portal__Gateway", gateway)
            .WithEnvironment("Portal__RequireHttps", infrastructure.RequireHttpsSetting)
            .WithSettingsFrom(infrastructure.Configuration, "Telemetry")
            .WithSettingsFrom(infrastructure.Configuration, "Portal")
            .WithHttpHealthCheck("/health")
            .WithRunEnvironment(infrastructure);
        foreach (var dependency in infrastructure.WaitFor)
        {
            portal.WaitFor(dependency);
        }

        return portal;
    }

    /// <summary>
    /// The project's environment (<see cref="Infrastructure.Environment"/>), in place of its launch profile's: Development
    /// (developer exception pages, query strings unredacted in traces) by default only in the embedded default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRunEnvironment(this IResourceBuilder<ProjectResource> project, Infrastructure infrastructure)
    {
        project
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", infrastructure.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", infrastructure.Environment)
            // Aspire exports metrics every second, and traces and logs a second after they happen, for a dashboard that
            // moves at once; every process then wakes every second for it. Five seconds keeps the dashboard current and the
            // system at rest quieter (measured with /proc over a minute at rest: see tests/Talent.Benchmarks/README.md).
            .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", infrastructure.Configuration["Telemetry:MetricExportMilliseconds"] ?? "5000")
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", infrastructure.Configuration["Telemetry:TraceExportDelayMilliseconds"] ?? "2000")
            .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", infrastructure.Configuration["Telemetry:TraceExportDelayMilliseconds"] ?? "2000");
        if (infrastructure.Environment != "Development")
        {
            // Aspire turns redaction off whenever the AppHost itself runs as Development (it does, for its user secrets).
            project
                .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "false")
                .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION", "false");
        }

        return project;
    }

    /// <summary>
    /// Hands a configuration section given to the AppHost (e.g. <c>--Gateway:RateLimit:PermitsPerSecond=5000</c>)
    /// to a project as environment variables, so a run can tune a service without editing its settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSettingsFrom(this IResourceBuilder<ProjectResource> project, IConfiguration configuration, string section)
    {
        foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
        {
            if (value is not null)
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return project;
    }
}
