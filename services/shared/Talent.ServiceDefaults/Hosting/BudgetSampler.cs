using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Records every new trace up to a budget per second (a token bucket), and a share of the traces beyond it: at the pace
/// of people clicking, every trace is in the dashboard; under load, telemetry stays a bounded cost instead of taking the
/// machine. Used as the root sampler under <see cref="ParentBasedSampler"/>, so a trace is kept or dropped whole.
/// A client call that starts a trace of its own (a database command or HTTP call with no request, message or job around
/// it: the outbox relay's reads after every commit, health checks' pings, sweeps) is not recorded and spends no budget:
/// under load those outnumber the requests and would fill the budget and the dashboard with noise.
/// </summary>
public sealed class BudgetSampler : Sampler
{
    private readonly double _perSecond;
    private readonly Sampler _overflow;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last = Stopwatch.GetTimestamp();

    public BudgetSampler(double perSecond, Sampler overflow)
    {
        _perSecond = perSecond;
        _overflow = overflow;
        _tokens = perSecond;
        Description = $"BudgetSampler({perSecond}/s, then {overflow.Description})";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Kind == ActivityKind.Client)
        {
            return new SamplingResult(SamplingDecision.Drop);
        }

        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_perSecond, _tokens + (Stopwatch.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return new SamplingResult(SamplingDecision.RecordAndSample);
            }
        }

        return _overflow.ShouldSample(samplingParameters);
    }
}
