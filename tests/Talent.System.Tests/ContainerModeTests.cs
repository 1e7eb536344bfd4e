using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The AppHost's container mode (<c>Talent:Infrastructure=containers</c>): Aspire starts PostgreSQL and RabbitMQ
/// containers from the local images. Where a container engine runs (the test command sets one up), the whole system of
/// the system tests runs in that mode (see <see cref="RunningSystem.InContainers"/>), so every system test goes through
/// those containers and this class says so explicitly; where none can run, the test command leaves this class out.
/// </summary>
[Trait("Infrastructure", "containers")]
public sealed class ContainerModeTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task The_AppHost_in_container_mode_carries_an_event_through_the_gateway_end_to_end()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(RunningSystem.InContainers, "container mode needs TALENT_TEST_MODE=containers (the test command sets it where an engine runs)");
        var model = system.App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var name in new[] { "postgres", "messaging" })
        {
            var resource = model.Resources.Single(r => r.Name == name);
            Assert.True(resource is ContainerResource, $"{name} is a {resource.GetType().Name}, not a container");
            Assert.True(system.App.ResourceNotifications.TryGetCurrentState(name, out var state) && state.Snapshot.State?.Text == KnownResourceStates.Running,
                $"{name} is not running");
        }

        var code = CatalogueSamples.NewCode("CTR");
        using var operators = system.As((await system.SignInAsync("operator1", "catalogue")).AccessToken!);
        await CatalogueSamples.PublishAsync(operators, operators, CatalogueSamples.Draft(code, titleZh: "容器模式", leadDepartment: "STI"), ct);

        await Eventually.UntilAsync(
            async () => (await system.Gateway.GetAsync($"/api/applications/catalogue/{code}", ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30),
            "the applications service's copy, through RabbitMQ in a container");
    }
}
