using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// Local-only settings (plain-http token metadata, an identity without HTTPS, the Development environment) belong to
/// the embedded default alone. The AppHost's model is built for each infrastructure mode and never started: each
/// project's environment is read as its launch would get it.
/// </summary>
public sealed class AppHostModeTests : IDisposable
{
    private static readonly string[] Services = ["identity", "catalogue", "applications", "feedback", "matching", "notifications", "exchange"];
    private static readonly string[] Projects = ["gateway", .. Services];
    private const string External = "--ConnectionStrings:postgres=Host=db.example;Username=talent";
    private const string ExternalBroker = "--ConnectionStrings:messaging=amqp://talent@mq.example:5672/";

    /// <summary>What the embedded default expects scripts/run to have prepared (it is only checked, never started here).</summary>
    private readonly string _dataDir = Directory.CreateTempSubdirectory("talent-apphost-mode").FullName;

    public AppHostModeTests()
    {
        Directory.CreateDirectory(Path.Combine(_dataDir, "pg", "data"));
        File.WriteAllText(Path.Combine(_dataDir, "pg", "data", "PG_VERSION"), "15");
        Directory.CreateDirectory(Path.Combine(_dataDir, "rabbitmq"));
        File.WriteAllText(Path.Combine(_dataDir, "rabbitmq", "rabbitmq.conf"), "");
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task The_embedded_default_runs_on_plain_http_as_Development()
    {
        var env = await EnvironmentsAsync([$"--Talent:DataDir={_dataDir}"]);

        Assert.All(Services, s => Assert.Equal("false", env[s]["Authentication__RequireHttpsMetadata"]));
        Assert.Equal("false", env["identity"]["Identity__RequireHttps"]);
        Assert.All(Projects, p => Assert.Equal("Development", env[p]["ASPNETCORE_ENVIRONMENT"]));
    }

    [Fact]
    public async Task The_embedded_default_runs_as_the_environment_configured_on_plain_http_with_query_strings_redacted_outside_Development()
    {
        var env = await EnvironmentsAsync([$"--Talent:DataDir={_dataDir}", "--Talent:Environment=Production"]);

        Assert.All(Services, s => Assert.Equal("false", env[s]["Authentication__RequireHttpsMetadata"]));
        Assert.All(Projects, p =>
        {
            Assert.Equal("Production", env[p]["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("false", env[p]["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"]);
        });
    }

    [Fact]
    public async Task Container_mode_requires_https_metadata_and_an_https_identity_and_runs_as_Production()
    {
        var env = await EnvironmentsAsync(["--Talent:Infrastructure=containers", "--Talent:ContainerVolumes=false"]);

        AssertNothingLocalOnly(env);
    }

    [Fact]
    public async Task External_infrastructure_requires_https_metadata_and_an_https_identity_and_runs_as_Production()
    {
        var env = await EnvironmentsAsync([External, ExternalBroker]);

        AssertNothingLocalOnly(env);
    }

    [Fact]
    public async Task Outside_the_embedded_default_plain_http_and_another_environment_are_only_what_is_configured()
    {
        var env = await EnvironmentsAsync([External, ExternalBroker,
            "--Authentication:RequireHttpsMetadata=false", "--Identity:RequireHttps=false", "--Talent:Environment=Staging"]);

        Assert.All(Services, s => Assert.Equal("false", env[s]["Authentication__RequireHttpsMetadata"]));
        Assert.Equal("false", env["identity"]["Identity__RequireHttps"]);
        Assert.All(Projects, p => Assert.Equal("Staging", env[p]["ASPNETCORE_ENVIRONMENT"]));
    }

    [Fact]
    public async Task An_anonymous_dashboard_is_refused_outside_the_embedded_default()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => WithDashboardAsync(
            ["--Talent:Infrastructure=containers", "--Talent:ContainerVolumes=false", "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"]));

        Assert.Contains("anonymous only in the embedded default", refused.Message);
    }

    [Fact]
    public async Task The_embedded_default_may_have_an_anonymous_dashboard_and_other_modes_a_token_one()
    {
        await WithDashboardAsync([$"--Talent:DataDir={_dataDir}", "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true"]);
        await WithDashboardAsync(["--Talent:Infrastructure=containers", "--Talent:ContainerVolumes=false", "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=false"]);
    }

    /// <summary>Builds the AppHost's model with its dashboard on (tests turn it off by default), never started.</summary>
    private static async Task WithDashboardAsync(string[] args)
    {
        using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            args, (options, _) => options.DisableDashboard = false, TestContext.Current.CancellationToken);
        Assert.NotEmpty(builder.Resources.OfType<ProjectResource>());
    }

    private static void AssertNothingLocalOnly(Dictionary<string, Dictionary<string, string>> env)
    {
        Assert.All(Services, s => Assert.Equal("true", env[s]["Authentication__RequireHttpsMetadata"]));
        Assert.Equal("true", env["identity"]["Identity__RequireHttps"]);
        Assert.All(Projects, p =>
        {
            Assert.Equal("Production", env[p]["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("Production", env[p]["DOTNET_ENVIRONMENT"]);
            Assert.Equal("false", env[p]["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"]);
        });
    }

    [Fact]
    public async Task A_tests_AppHost_keeps_every_service_behind_a_random_port_so_it_never_reaches_a_system_run_by_hand()
    {
        var ct = TestContext.Current.CancellationToken;
        // The testing builder randomizes ports: every service and the gateway behind DCP's proxy (random ports), none at
        // the fixed port of its launch profile, which a system run by hand holds.
        using (var tests = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"--Talent:DataDir={_dataDir}"], ct))
        {
            Assert.All([.. Projects, "portal"], p => Assert.True(HttpEndpoint(tests, p).IsProxied, $"{p} is behind DCP's proxy"));
        }

        // Run by hand (ports as configured): one replica is reached at its own port, without the proxy's hop.
        using var byHand = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>([$"--Talent:DataDir={_dataDir}", "--DcpPublisher:RandomizePorts=false"], ct);
        Assert.All([.. Projects, "portal"], p => Assert.False(HttpEndpoint(byHand, p).IsProxied, $"{p} is reached at its own port"));
    }

    private static EndpointAnnotation HttpEndpoint(IDistributedApplicationTestingBuilder builder, string project) =>
        builder.Resources.OfType<ProjectResource>().Single(r => r.Name == project).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");

    /// <summary>Each project's environment by resource name, from the built model of the AppHost started with these arguments.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> EnvironmentsAsync(string[] args)
    {
        var ct = TestContext.Current.CancellationToken;
        using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, ct);
        var environments = new Dictionary<string, Dictionary<string, string>>();
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // As for publishing: literal values as they are, references as expressions. Run mode would wait for
            // endpoints that are only allocated once the application starts.
            var configuration = await ExecutionConfigurationBuilder.Create(project).WithEnvironmentVariablesConfig()
                .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, ct);
            environments[project.Name] = configuration.EnvironmentVariables.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        return environments;
    }
}
