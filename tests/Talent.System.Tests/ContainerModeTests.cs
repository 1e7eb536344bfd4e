using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Talent.Testing;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The AppHost's container mode (<c>Talent:Infrastructure=containers</c>): Aspire starts PostgreSQL and RabbitMQ
/// containers from the local images. Needs a container engine, which the test command sets up; on a machine
/// where none can run, the test command leaves this class out and says so.
/// </summary>
[Trait("Infrastructure", "containers")]
public sealed class ContainerModeTests
{
    [Fact]
    public async Task The_AppHost_in_container_mode_carries_an_event_through_the_gateway_end_to_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--Talent:Infrastructure=containers", "--Talent:ContainerVolumes=false", "--Talent:DemoData=true",
             // Container mode means production settings; the test runs on plain http.
             "--Identity:RequireHttps=false", "--Authentication:RequireHttpsMetadata=false", "--Portal:RequireHttps=false"], ct);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        await using var app = await builder.BuildAsync(ct);
        await SystemStart.StartAsync(app, "the system in container mode", ct);
        using var gateway = app.CreateHttpClient("gateway");

        var code = CatalogueSamples.NewCode("CTR");
        using var signIn = await gateway.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "talent-dev", ["username"] = "operator1", ["password"] = "Talent#2026", ["scope"] = "catalogue",
        }), ct);
        var token = (await signIn.Content.ReadFromJsonAsync<TokenResponse>(ct))?.AccessToken;
        Assert.False(string.IsNullOrEmpty(token), $"no token: {(int)signIn.StatusCode}");
        gateway.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await CatalogueSamples.PublishAsync(gateway, gateway, CatalogueSamples.Draft(code, titleZh: "容器模式", leadDepartment: "STI"), ct);

        await Eventually.UntilAsync(
            async () => (await gateway.GetAsync($"/api/applications/catalogue/{code}", ct)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30),
            "the applications service's copy, through RabbitMQ in a container");
    }
}
