using Microsoft.Extensions.Configuration;

namespace Talent.AppHost;

/// <summary>
/// Where PostgreSQL and RabbitMQ come from. <b>External</b>: <c>ConnectionStrings:postgres</c> and
/// <c>ConnectionStrings:messaging</c> are configured; nothing is started. <b>Containers</b>
/// (<c>Talent:Infrastructure=containers</c>): Aspire's PostgreSQL and RabbitMQ containers, from our local images.
/// <b>Embedded</b> (the default): a local PostgreSQL and RabbitMQ run as executables with their data under
/// <c>Talent:DataDir</c> (prepared by <c>scripts/run</c>); services wait until each really answers.
/// </summary>
public sealed class Infrastructure
{
    public required string Mode { get; init; }

    public required IConfiguration Configuration { get; init; }

    /// <summary>Server-level connection string; each service gets its own database on it.</summary>
    public required ReferenceExpression Postgres { get; init; }

    public required ReferenceExpression Messaging { get; init; }

    /// <summary>
    /// What services wait for before they start: PostgreSQL only, since migrations need it. The broker boots in
    /// parallel (MassTransit connects when it answers); a service is ready only once its bus is, and the gateway
    /// waits for every service to be ready, so no request is taken before the consumers' queues exist.
    /// </summary>
    public IResourceBuilder<IResource>[] WaitFor { get; init; } = [];

    public bool MigrateOnStart { get; init; }

    public string DatabasePrefix { get; init; } = "talent";

    /// <summary>Demonstration accounts and data: on by default except with external infrastructure (<c>Talent:DemoData</c>).</summary>
    public bool DemoData => Configuration.GetValue("Talent:DemoData", Mode != "external");

    /// <summary>
    /// The embedded default runs on this machine only: plain http (no HTTPS metadata, no HTTPS at the identity) and,
    /// unless <c>Talent:Environment</c> says otherwise, the Development environment. Containers and external
    /// infrastructure get neither unless configured (<c>Authentication:RequireHttpsMetadata</c>, <c>Identity:RequireHttps</c>,
    /// <c>Talent:Environment</c>).
    /// </summary>
    public bool LocalOnly => Mode == "embedded";

    /// <summary>The services' ASP.NET Core environment (<c>Talent:Environment</c>): by default Development only in the embedded default.</summary>
    public string Environment => Configuration["Talent:Environment"] ?? (LocalOnly ? "Development" : "Production");

    /// <summary>"false" on this machine only; elsewhere "true" (a configured section, handed on after this, still wins).</summary>
    public string RequireHttpsSetting => LocalOnly ? "false" : "true";

    public static Infrastructure Add(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var postgres = config.GetConnectionString("postgres");
        var messaging = config.GetConnectionString("messaging");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(messaging))
        {
            return new Infrastructure
            {
                Mode = "external",
                Configuration = config,
                Postgres = ReferenceExpression.Create($"{postgres}"),
                Messaging = ReferenceExpression.Create($"{messaging}"),
                MigrateOnStart = config.GetValue("Talent:MigrateOnStart", true),
                DatabasePrefix = config["Talent:DatabasePrefix"] ?? "talent",
            };
        }

        return config["Talent:Infrastructure"] switch
        {
            null or "" or "embedded" => EmbeddedInfrastructure.Add(builder, config),
            "containers" => ContainerInfrastructure.Add(builder, config),
            var other => throw new DistributedApplicationException($"Talent:Infrastructure is '{other}'; use embedded (the default) or containers."),
        };
    }
}

internal static class ResourceBuilderExtensions
{
    public static IResourceBuilder<IResource> AsResource<T>(this IResourceBuilder<T> builder)
        where T : IResource => (IResourceBuilder<IResource>)builder;
}
