using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The dashboard's commands (#24) run as the dashboard would run them (the AppHost's command service): each calls the
/// service's own operator endpoint with the operator client's token (operators only: without it the call would be 401)
/// and reports the service's answer.
/// </summary>
public sealed class DashboardCommandsTests(SystemFixture system) : IClassFixture<SystemFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Running_the_deadline_sweep_from_the_dashboard_reports_the_alerts_it_raised()
    {
        var result = await ExecuteAsync("applications", "run-deadline-sweep");

        Assert.True(result.Success, result.Message);
        using var answer = JsonDocument.Parse(result.Data!.Value);
        Assert.True(answer.RootElement.GetProperty("alertsRaised").GetInt32() >= 0);
        Assert.True(answer.RootElement.TryGetProperty("sweptAt", out _));
    }

    [Fact]
    public async Task Moving_error_queue_messages_back_from_the_dashboard_reports_each_queue_of_the_service()
    {
        var result = await ExecuteAsync("feedback", "move-error-queue-back");

        Assert.True(result.Success, result.Message);
        using var answer = JsonDocument.Parse(result.Data!.Value);
        var queues = answer.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(queues); // feedback consumes several queues (applications' events, the calendar, the catalogue)
        Assert.All(queues, q => Assert.True(q.GetProperty("messages").GetInt32() >= 0));
    }

    private Task<ExecuteCommandResult> ExecuteAsync(string resource, string command) =>
        system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, Ct);
}
