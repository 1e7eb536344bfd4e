using Microsoft.Extensions.Configuration;

namespace Talent.AppHost;

/// <summary>
/// Container mode: Aspire's PostgreSQL and RabbitMQ resources on Docker or Podman, from the images that
/// <c>scripts/containers</c> builds from Debian packages (<c>localhost/...</c>, never pulled), with data volumes
/// so data survives restarts. <c>Talent:OfficialImages=true</c> uses the registry's official images instead,
/// where an engine can pull them; <c>Talent:ContainerVolumes=false</c> starts from empty data and
/// does not wait for the disk (tests).
/// </summary>
internal static class ContainerInfrastructure
{
    public static Infrastructure Add(IDistributedApplicationBuilder builder, IConfiguration config)
    {
        var postgres = builder.AddPostgres("postgres");
        var rabbit = builder.AddRabbitMQ("messaging").WithManagementPlugin();
        if (!config.GetValue("Talent:OfficialImages", false))
        {
            postgres.WithImageRegistry("localhost").WithImage("talent-postgres").WithImageTag("15").WithImagePullPolicy(ImagePullPolicy.Never);
            rabbit.WithImageRegistry("localhost").WithImage("talent-rabbitmq").WithImageTag("3").WithImagePullPolicy(ImagePullPolicy.Never);
        }

        // Six services with a connection pool each (and their replicas): more than PostgreSQL's default 100.
        postgres.WithArgs("-c", "max_connections=300");
        if (config.GetValue("Talent:ContainerVolumes", true))
        {
            postgres.WithDataVolume();
            rabbit.WithDataVolume();
        }
        else
        {
            // Throwaway data (tests): nothing to make durable, so no waiting for the disk on each commit.
            postgres.WithArgs("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
        }

        return new Infrastructure
        {
            Mode = "containers",
            Configuration = config,
            Postgres = postgres.Resource.ConnectionStringExpression,
            Messaging = rabbit.Resource.ConnectionStringExpression,
            WaitFor = [postgres.AsResource(), rabbit.AsResource()],
            MigrateOnStart = true,
            DatabasePrefix = config["Talent:DatabasePrefix"] ?? "talent",
        };
    }
}
