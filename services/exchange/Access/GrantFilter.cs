using Microsoft.EntityFrameworkCore;
using Talent.Exchange.Data;
using Talent.Http;

namespace Talent.Exchange.Access;

/// <summary>A client calls an exchange service only with an operator's grant for it; otherwise 403 naming the service.</summary>
public sealed class GrantFilter(string service) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var client = http.User.FindFirst("sub")?.Value ?? "";
        var db = http.RequestServices.GetRequiredService<ExchangeDbContext>();
        if (!await db.Grants.AnyAsync(g => g.ClientId == client && g.Service == service, http.RequestAborted))
        {
            return Problems.Of(StatusCodes.Status403Forbidden,
                $"This client is not granted the exchange service '{service}'; operators grant it. 该客户端未获准使用交换服务“{service}”，请联系运营人员授权。", "service");
        }

        return await next(context);
    }
}

public static class GrantFilterExtensions
{
    /// <summary>The endpoint is exchange service <paramref name="service"/>: a client token, and that client's grant.</summary>
    public static RouteHandlerBuilder IsExchangeService(this RouteHandlerBuilder endpoint, string service) =>
        endpoint.RequireAuthorization(ExchangePolicies.Client)
            .WithMetadata(new ExchangeServiceName(service))
            .AddEndpointFilter(new GrantFilter(service))
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
