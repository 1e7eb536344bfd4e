using Scalar.AspNetCore;

namespace Talent.Gateway;

/// <summary>
/// The API reference through the gateway: each service's OpenAPI document at <c>/openapi/{service}.json</c> (proxied
/// to the service's own <c>/openapi/v1.json</c>, see the <c>openapi-*</c> routes) and one interactive page (Scalar) at
/// <see cref="Path"/> that shows them all. Public on purpose: the documents describe the public API, not data.
/// The page's script is served from the package; no font or telemetry is fetched from elsewhere.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        var services = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.Services;
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Talent API 人才服务平台接口")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocuments(services)
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
