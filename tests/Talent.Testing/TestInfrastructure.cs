using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Talent.Testing;

/// <summary>
/// The PostgreSQL server and RabbitMQ broker a test assembly shares: containers from Testcontainers when a
/// Docker-compatible engine answers, otherwise the local servers the test command started (their addresses
/// come in TALENT_TEST_POSTGRES, TALENT_TEST_RABBITMQ and TALENT_TEST_RABBITMQ_MANAGEMENT).
/// Each test still gets its own database and virtual host (<see cref="TestDatabase"/>, <see cref="TestVirtualHost"/>).
/// </summary>
public static class TestInfrastructure
{
    private static readonly Lazy<Task<Servers>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<Servers> GetAsync() => Shared.Value;

    public sealed record Servers(string Mode, string Postgres, Uri RabbitMq, Uri RabbitMqManagement);

    private static async Task<Servers> StartAsync()
    {
        var local = FromEnvironment();
        if (local is not null && Environment.GetEnvironmentVariable("TALENT_TEST_MODE") != "containers")
        {
            return local;
        }

        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            return local ?? throw new InvalidOperationException(
                "No PostgreSQL/RabbitMQ for the tests: no container engine answers and TALENT_TEST_POSTGRES/TALENT_TEST_RABBITMQ are not set. Run the tests with scripts/test.");
        }

        var postgres = new PostgreSqlBuilder(Environment.GetEnvironmentVariable("TALENT_TEST_POSTGRES_IMAGE") ?? "postgres:15")
            .WithCommand("-c", "fsync=off", "-c", "max_connections=400")
            .Build();
        var rabbit = new RabbitMqBuilder(Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ_IMAGE") ?? "rabbitmq:3-management")
            .WithPortBinding(15672, true)
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).GetAwaiter().GetResult();

        var amqp = new Uri(rabbit.GetConnectionString());
        var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(15672)) { UserName = "rabbitmq", Password = "rabbitmq" }.Uri;
        return new Servers("testcontainers", postgres.GetConnectionString(), amqp, management);
    }

    private static Servers? FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("TALENT_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ_MANAGEMENT");
        return string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(management)
            ? null
            : new Servers("local servers", postgres, new Uri(rabbit), new Uri(management));
    }
}
