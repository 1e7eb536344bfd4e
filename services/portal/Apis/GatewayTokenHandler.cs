using System.Net.Http.Headers;
using Talent.Portal.Account;

namespace Talent.Portal.Apis;

/// <summary>Sends the signed-in person's access token with each API call through the gateway, on their behalf.</summary>
public sealed class GatewayTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.RequestServices.GetService<PortalUser>() is { } user && await user.AccessTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
