using DotNet.Testcontainers.Images;
using Npgsql;
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
        var mode = Environment.GetEnvironmentVariable("TALENT_TEST_MODE");
        var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        if (mode == "local" || (mode != "containers" && !engine))
        {
            return FromEnvironment() ?? throw new InvalidOperationException(
                "No PostgreSQL/RabbitMQ for the tests: no container engine answers and TALENT_TEST_POSTGRES/TALENT_TEST_RABBITMQ are not set. Run the tests with scripts/test.");
        }

        if (!engine)
        {
            throw new InvalidOperationException("TALENT_TEST_MODE=containers, but no container engine answers (DOCKER_HOST?). Run the tests with scripts/test.");
        }

        var postgresImage = Environment.GetEnvironmentVariable("TALENT_TEST_POSTGRES_IMAGE") ?? "postgres:15";
        var rabbitImage = Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ_IMAGE") ?? "rabbitmq:3-management";
        var postgres = new PostgreSqlBuilder(postgresImage)
            .WithImagePullPolicy(PullPolicyFor(postgresImage))
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=500")
            .WithLabel("talent.tests", "true")
            .Build();
        var rabbit = new RabbitMqBuilder(rabbitImage)
            .WithImagePullPolicy(PullPolicyFor(rabbitImage))
            .WithPortBinding(RabbitMqManagementPort, true)
            .WithLabel("talent.tests", "true")
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        // Shared by the whole test assembly; removed when it exits (the test command also removes leftovers).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            Task.WhenAll(postgres.DisposeAsync().AsTask(), rabbit.DisposeAsync().AsTask()).GetAwaiter().GetResult();

        var amqp = new Uri(rabbit.GetConnectionString());
        var credentials = amqp.UserInfo.Split(':', 2);
        var management = new UriBuilder("http", rabbit.Hostname, rabbit.GetMappedPublicPort(RabbitMqManagementPort))
        {
            UserName = credentials[0],
            Password = credentials.ElementAtOrDefault(1) ?? "",
        }.Uri;
        return new Servers("testcontainers", Patient(postgres.GetConnectionString()), amqp, management);
    }

    /// <summary>
    /// Connecting and commands wait up to a minute: on a cold 2-core machine, with two test assemblies and their hosts
    /// starting at once, a connection took longer than Npgsql's 15 s default (a fresh run, 2026-12-03). What the tests
    /// measure never depends on these waits.
    /// </summary>
    private static string Patient(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 60, CommandTimeout = 60 }.ConnectionString;

    private const int RabbitMqManagementPort = 15672;

    /// <summary>Images built here (<c>localhost/...</c>) are never pulled: no registry is reachable.</summary>
    private static Func<Docker.DotNet.Models.ImageInspectResponse, bool> PullPolicyFor(string image) =>
        image.StartsWith("localhost/", StringComparison.Ordinal) ? PullPolicy.Never : PullPolicy.Missing;

    private static Servers? FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("TALENT_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("TALENT_TEST_RABBITMQ_MANAGEMENT");
        return string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(management)
            ? null
            : new Servers("local servers", Patient(postgres), new Uri(rabbit), new Uri(management));
    }
}
