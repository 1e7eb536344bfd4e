using Microsoft.Extensions.Options;
using Talent.Feedback.Data;
using Talent.Feedback.Rectifications;
using Talent.Feedback.Tickets;

namespace Talent.Feedback;

/// <summary>
/// Every <see cref="FeedbackOptions.SweepInterval"/>: flags rectification stages past their deadline to operators
/// (<c>RectificationOverdue</c>, once per stage deadline) and closes replied tickets whose confirmation period ended.
/// Safe with several replicas (rows claimed with <c>FOR UPDATE SKIP LOCKED</c>) and across restarts (the state is in the rows).
/// </summary>
public sealed class FeedbackSweep : PeriodicWork
{
    public const int Batch = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<FeedbackOptions> _options;
    private readonly TimeProvider _time;

    public FeedbackSweep(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackSweep> logger)
        : base(time, logger)
    {
        _scopes = scopes;
        _options = options;
        _time = time;
    }

    protected override TimeSpan Interval => _options.Value.SweepInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>One pass: the number of overdue flags raised and of tickets closed.</summary>
    public async Task<(int Flagged, int Closed)> SweepAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = _time.GetUtcNow();
        var flagged = await OverdueRectifications.FlagAsync(db, now, Batch, ct);
        var closed = await UnconfirmedTickets.CloseAsync(db, now, Batch, ct);
        return (flagged, closed);
    }
}
