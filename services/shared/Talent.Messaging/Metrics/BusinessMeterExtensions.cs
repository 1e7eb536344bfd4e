using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Talent.Messaging.Metrics;

public static class BusinessMeterExtensions
{
    /// <summary>
    /// The service's business meters: the counters and gauges of <paramref name="plan"/>, the events it records counted as
    /// they commit, the gauges sampled by <typeparamref name="TSampler"/> every <c>Metrics:SampleInterval</c>.
    /// </summary>
    public static IHostApplicationBuilder AddBusinessMeters<TContext, TSampler>(this IHostApplicationBuilder builder, BusinessMeterPlan plan)
        where TContext : DbContext
        where TSampler : GaugeSampler<TContext>
    {
        builder.Services.AddMetrics();
        builder.Services.AddOptions<BusinessMeterOptions>().BindConfiguration("Metrics");
        builder.Services.AddSingleton(sp => new BusinessMeters(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), plan));
        builder.Services.AddSingleton<GaugeSampler<TContext>, TSampler>();
        builder.Services.AddSingleton<GaugeSampling<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GaugeSampling<TContext>>());
        return builder;
    }
}
