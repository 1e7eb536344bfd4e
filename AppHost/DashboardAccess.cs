using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Talent.AppHost;

/// <summary>
/// The dashboard is anonymous in the embedded default only (on this machine, its <c>http</c> launch profile). Anywhere
/// else it asks for the browser token the AppHost prints at start (the default), or signs people in with OpenID Connect
/// (<c>Dashboard:Frontend:AuthMode=OpenIdConnect</c> with the identity provider's settings: docs/operations.md).
/// An anonymous dashboard with other infrastructure is refused at start rather than left open.
/// </summary>
internal static class DashboardAccess
{
    public const string AnonymousSetting = "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS";

    public static void Check(IDistributedApplicationBuilder builder, Infrastructure infrastructure)
    {
        // The options the AppHost was created with (tests turn the dashboard off); keyed descriptors have no instance to read.
        var options = builder.Services.Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<DistributedApplicationOptions>().FirstOrDefault();
        if (infrastructure.LocalOnly || !builder.ExecutionContext.IsRunMode || options?.DisableDashboard == true
            || !builder.Configuration.GetValue(AnonymousSetting, false))
        {
            return;
        }

        throw new DistributedApplicationException(
            $"The dashboard may be anonymous only in the embedded default, not with {infrastructure.Mode} infrastructure. " +
            $"Unset {AnonymousSetting} (use the 'containers' launch profile, as scripts/run does): the dashboard then asks for the " +
            "browser token printed at start; or configure OpenID Connect (docs/operations.md).");
    }
}
