using Microsoft.Extensions.Options;
using Talent.Feedback.Data;

namespace Talent.Feedback.Figures;

/// <summary>Folds figure deltas into the counters every <see cref="FeedbackOptions.FoldInterval"/> (1 s by default).</summary>
public sealed class FigureFolder(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FigureFolder> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.FoldInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => FoldAsync(cancellationToken);

    /// <summary>One pass: the number of deltas folded.</summary>
    public async Task<int> FoldAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await FigureCounters.FoldAsync(scope.ServiceProvider.GetRequiredService<FeedbackDbContext>(), ct);
    }
}
