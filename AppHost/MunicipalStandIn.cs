using System.Security.Cryptography;

namespace Talent.AppHost;

/// <summary>
/// DEMONSTRATION: with demonstration data, a stand-in municipal system (resource <c>municipal-standin</c>) serves the
/// department records of materials that need not be submitted (免提交: every one the demonstration directory names), and
/// the exchange is told to ask it for the seven departments that hold them, with a key made for this run.
/// It also subscribes to the exchange's webhooks as <c>municipal-demo</c> (deliveries verified and logged, so the dashboard
/// shows them) and, by a dashboard command, sends talent1's certification (人才认定).
/// A zone configures its real source systems instead (<c>Exchange:Sharing:Sources:{department}</c>, docs in services/exchange).
/// </summary>
internal static class MunicipalStandIn
{
    private static readonly string[] Departments = ["POLICE", "MARKET", "HRSS", "EDU", "HOUSING", "FINANCE", "COMMERCE"];

    public static void Add(IDistributedApplicationBuilder builder, Infrastructure infrastructure, IResourceBuilder<ProjectResource> exchange, EndpointReference gateway)
    {
        if (!infrastructure.DemoData)
        {
            return;
        }

        // Made for the run unless given (Talent:StandInKey: the system tests read what the stand-in received).
        var key = builder.Configuration["Talent:StandInKey"] ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var standIn = builder.AddProject<Projects.Talent_MunicipalStandIn>("municipal-standin")
            .WithEnvironment("StandIn__ApiKey", key)
            .WithSettingsFrom(infrastructure.Configuration, "Telemetry")
            .WithHttpHealthCheck("/health")
            .WithRunEnvironment(infrastructure);
        var url = standIn.GetEndpoint("http");
        // As the demonstration municipal client: its webhook subscription, and a certification on request (a dashboard command).
        standIn
            .WithEnvironment("StandIn__Exchange__Gateway", ReferenceExpression.Create($"{gateway}/"))
            .WithEnvironment("StandIn__Exchange__ClientSecret", "municipal-demo-secret")
            .WithEnvironment("StandIn__Exchange__PublicUrl", ReferenceExpression.Create($"{url}/"))
            .WithHttpCommand("/certifications/send", "Send a demonstration certification 发送演示人才认定", endpointName: "http", commandName: "send-certification",
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Post,
                    Description = "Sends talent1's Golden Phoenix certification (leading) to the exchange as the municipal talent system; matching then tiers talent1's demands from it.",
                    IconName = "Certificate",
                    PrepareRequest = context =>
                    {
                        context.Request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
                        return Task.CompletedTask;
                    },
                });
        foreach (var department in Departments)
        {
            exchange
                .WithEnvironment($"Exchange__Sharing__Sources__{department}__Name", $"市数据共享平台（演示） City data-sharing platform (demo): {department}")
                .WithEnvironment($"Exchange__Sharing__Sources__{department}__Url", ReferenceExpression.Create($"{url}/"))
                .WithEnvironment($"Exchange__Sharing__Sources__{department}__ApiKey", key);
        }
    }
}
