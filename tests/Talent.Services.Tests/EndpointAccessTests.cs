extern alias applications;
extern alias catalogue;
extern alias exchange;
extern alias feedback;
extern alias identity;
extern alias matching;
extern alias notifications;
using Xunit;

namespace Talent.Services.Tests;

/// <summary>Every endpoint of every service says who may call it: a policy, or an explicit anonymous mark.</summary>
public sealed class EndpointAccessTests
{
    [Fact]
    public Task Every_identity_endpoint_declares_its_access() => CheckAsync<identity::Program>("identity");

    [Fact]
    public Task Every_catalogue_endpoint_declares_its_access() => CheckAsync<catalogue::Program>("catalogue");

    [Fact]
    public Task Every_applications_endpoint_declares_its_access() => CheckAsync<applications::Program>("applications");

    [Fact]
    public Task Every_feedback_endpoint_declares_its_access() => CheckAsync<feedback::Program>("feedback");

    [Fact]
    public Task Every_matching_endpoint_declares_its_access() => CheckAsync<matching::Program>("matching");

    [Fact]
    public Task Every_notifications_endpoint_declares_its_access() => CheckAsync<notifications::Program>("notifications");

    [Fact]
    public Task Every_exchange_endpoint_declares_its_access() => CheckAsync<exchange::Program>("exchange");

    private static async Task CheckAsync<TProgram>(string name)
        where TProgram : class
    {
        await using var host = await ServiceHost<TProgram>.StartAsync(name);
        Assert.True(host.EndpointCount >= 3, $"{name} maps only {host.EndpointCount} endpoints: the enumeration sees nothing");
        Assert.Empty(host.EndpointsWithoutDeclaredAccess());
    }
}
