using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Talent.AppHost;

/// <summary>The embedded default: PostgreSQL and RabbitMQ as local executables, no container engine needed.</summary>
internal static class EmbeddedInfrastructure
{
    public static Infrastructure Add(IDistributedApplicationBuilder builder, IConfiguration config)
    {
        var dataDir = Path.GetFullPath(config["Talent:DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".talent"));
        var pgDir = Path.GetFullPath(config["Talent:PostgresDir"] ?? Path.Combine(dataDir, "pg"));
        var pgBin = config["Talent:PostgresBin"] ?? "/usr/lib/postgresql/15/bin";
        var pgPort = config.GetValue("Talent:PostgresPort", 54329);
        var amqpPort = config.GetValue("Talent:RabbitMqPort", 56729);
        var managementPort = config.GetValue("Talent:RabbitMqManagementPort", 15679);
        var distPort = config.GetValue("Talent:RabbitMqDistPort", 56730);
        var rabbitDir = Path.Combine(dataDir, "rabbitmq");
        if (!File.Exists(Path.Combine(pgDir, "data", "PG_VERSION")) || !File.Exists(Path.Combine(rabbitDir, "rabbitmq.conf")))
        {
            throw new DistributedApplicationException(
                $"The embedded PostgreSQL/RabbitMQ data is not prepared under {dataDir}. Start the system with scripts/run, which installs and prepares them.");
        }

        var postgresArgs = new List<string>();
        var postgresCommand = Path.Combine(pgBin, "postgres");
        if (Environment.UserName == "root")
        {
            // PostgreSQL refuses to run as root: drop to the 'postgres' user without a wrapper process.
            postgresArgs.AddRange(["--reuid=postgres", "--regid=postgres", "--init-groups", "--", postgresCommand]);
            postgresCommand = "setpriv";
        }

        postgresArgs.AddRange(["-D", Path.Combine(pgDir, "data"), "-p", pgPort.ToString(), "-k", pgDir,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", "-c", "shared_buffers=256MB"]);
        var postgresServer = "Host=127.0.0.1;Port=" + pgPort + ";Username=postgres";

        builder.Services.AddHealthChecks()
            .AddAsyncCheck("postgres-answers", ct => PostgresAnswersAsync(postgresServer, ct))
            .AddAsyncCheck("rabbitmq-answers", ct => PortAnswersAsync(amqpPort, ct));

        var pg = builder.AddExecutable("postgres", postgresCommand, pgDir, [.. postgresArgs])
            .WithHealthCheck("postgres-answers");
        var rabbit = builder.AddExecutable("rabbitmq", "/usr/lib/rabbitmq/bin/rabbitmq-server", rabbitDir)
            .WithEnvironment("RABBITMQ_NODENAME", config["Talent:RabbitMqNode"] ?? "talent@localhost")
            .WithEnvironment("RABBITMQ_DIST_PORT", distPort.ToString())
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(rabbitDir, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(rabbitDir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(rabbitDir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(rabbitDir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithHealthCheck("rabbitmq-answers")
            .WithUrl("http://localhost:" + managementPort + "/", "RabbitMQ management (guest/guest)");

        return new Infrastructure
        {
            Mode = "embedded",
            Configuration = config,
            Postgres = ReferenceExpression.Create($"{postgresServer}"),
            Messaging = ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqpPort.ToString()}/"),
            WaitFor = [pg.AsResource()],
            MigrateOnStart = true,
        };
    }

    private static async Task<HealthCheckResult> PostgresAnswersAsync(string server, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server + ";Database=postgres;Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer yet", ex);
        }
    }

    private static async Task<HealthCheckResult> PortAnswersAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"port {port} does not answer yet", ex);
        }
    }
}
