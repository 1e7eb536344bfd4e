using Xunit;

namespace Talent.SystemTests;

/// <summary>
/// The dashboard's error badges mean something only if a clean start puts none there (#24). Run after every other test,
/// so whatever a service logged while starting has long reached the AppHost; entries are told apart by the time the
/// service wrote them, so nothing the other tests caused later counts.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class CleanStartTests(SystemFixture system)
{
    [Fact]
    public void A_clean_start_logs_no_error_from_any_service()
    {
        var errors = system.ServiceErrorsUntil(system.HealthyAt);
        Assert.True(errors.Count == 0, $"{errors.Count} error entries while starting:\n{string.Join("\n", errors)}");
    }
}
