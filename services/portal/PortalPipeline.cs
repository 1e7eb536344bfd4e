using Microsoft.AspNetCore.Localization;
using Talent.Data;
using Talent.Portal.Data;

namespace Talent.Portal;

public static class PortalPipeline
{
    /// <summary>
    /// Set in a request's items by a response the portal's own pages may frame (a material's inline preview): its
    /// frame-ancestors is 'self' (the pages' is 'none') and it may load nothing else.
    /// </summary>
    public const string FramedBySelf = "talent.framed-by-self";

    /// <summary>
    /// Forwarded headers (the gateway's public address), error pages in the person's language, security headers with a
    /// strict Content-Security-Policy (scripts, styles and images only from the portal itself: no inline code), the
    /// person's language and display preferences, authentication, antiforgery, and the public pages' cache.
    /// </summary>
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(SecurityHeaders);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        return app;
    }

    /// <summary>Migrates the portal's database (sessions, keys) once at start in the embedded default.</summary>
    public static Task PrepareAsync(this WebApplication app) => app.MigrateDatabaseAsync<PortalDbContext>();

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (context.Items.ContainsKey(FramedBySelf))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                return Task.CompletedTask;
            }

            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
                "manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next();
    }
}
