using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Talent.Http;
using Talent.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Talent service shares: OpenTelemetry (with MassTransit, Npgsql and our messaging sources),
/// health endpoints, service discovery, resilient HttpClients, problem details and OpenAPI.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSingleton<IPostConfigureOptions<HealthCheckServiceOptions>, StartingHealthChecks>();
        builder.Services.AddServiceDiscovery();
        // Outbound calls are traced; a log line per attempt and per handler (Information by default) is noise at any rate.
        builder.Logging.AddFilter("Polly", LogLevel.Warning).AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Retries only where repeating is harmless: a POST that timed out may have been applied already.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw in every environment, so BadRequestExceptionHandler answers them with the field named.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddTalentOpenApi();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Talent.*"))
            .WithTracing(tracing => tracing
                // Whole traces (parent-based): every new trace up to Telemetry:TracesPerSecond (10), then the share
                // Telemetry:TraceSampleRatio (0.01) of the rest; set the ratio to 1 to keep everything under any load.
                // Measured: with a tenth beyond the budget, at 500 ratings a second the dashboard alone took a quarter
                // of a 2-core machine; a hundredth keeps the sample's cost nearly flat as load grows. A budget of 50
                // cost the dashboard 8 s of CPU over 2,000 drafts and 2,000 submissions, 10 cost 2.5 s (docs/operations.md).
                // Ten a second is still every request at a person's pace, and keeps more minutes in the dashboard's
                // 10,000 traces under load.
                .SetSampler(TraceSampler(builder.Configuration))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit", "Talent.*")
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes would drown the traces that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        // Telemetry:Export=false keeps the instrumentation but sends nothing (measurements without the dashboard's load).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) && builder.Configuration.GetValue("Telemetry:Export", true))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Whole traces: a new one within the budget (<see cref="BudgetSampler"/>), a child as its parent was, the broker's hops
    /// of a trace left out carrying that decision on (<see cref="MessagingHopSampler"/>).
    /// </summary>
    public static Sampler TraceSampler(IConfiguration configuration) =>
        new ParentBasedSampler(
            new BudgetSampler(
                Math.Max(0, configuration.GetValue("Telemetry:TracesPerSecond", 10.0)),
                new TraceIdRatioBasedSampler(Math.Clamp(configuration.GetValue("Telemetry:TraceSampleRatio", 0.01), 0.0, 1.0))),
            localParentNotSampled: new MessagingHopSampler());

    /// <summary>
    /// <c>/health</c>: ready (every check, including database and broker); <c>/alive</c>: the process answers.
    /// Both exist in every environment: orchestrators probe production too. Plus the OpenAPI document.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNulCharacterGuard();
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary><c>/health</c> and <c>/alive</c> alone, for an app that answers people with pages rather than problem details.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Degraded is a check still starting (StartingHealthChecks): not ready yet, so 503 like Unhealthy.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) }).AllowAnonymous();
        return app;
    }
}
