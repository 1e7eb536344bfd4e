using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Xunit;

namespace Talent.Gateway.Tests;

/// <summary>The trace sampler every service and the gateway use: all traces within the budget, a share beyond it.</summary>
public sealed class BudgetSamplerTests
{
    private static SamplingParameters Root() =>
        new(default, ActivityTraceId.CreateRandom(), "GET /api/catalogue/items", ActivityKind.Server);

    [Fact]
    public void Every_trace_within_the_budget_is_recorded_and_only_the_ratio_beyond_it()
    {
        var sampler = new BudgetSampler(100, new AlwaysOffSampler());
        var decisions = Enumerable.Range(0, 150).Select(_ => sampler.ShouldSample(Root()).Decision).ToList();

        // A burst within a second: the first 100 fill the budget (plus what refills meanwhile), the rest go to the overflow.
        Assert.True(decisions.Take(100).All(d => d == SamplingDecision.RecordAndSample));
        Assert.InRange(decisions.Count(d => d == SamplingDecision.RecordAndSample), 100, 110);
    }

    [Fact]
    public void Beyond_the_budget_the_overflow_sampler_decides()
    {
        var sampler = new BudgetSampler(0, new AlwaysOnSampler());
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(Root()).Decision);
        var none = new BudgetSampler(0, new AlwaysOffSampler());
        Assert.Equal(SamplingDecision.Drop, none.ShouldSample(Root()).Decision);
    }

    [Fact]
    public void A_database_call_that_starts_a_trace_of_its_own_is_not_recorded_and_spends_no_budget()
    {
        var sampler = new BudgetSampler(1, new AlwaysOnSampler());
        var orphan = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "talent_feedback", ActivityKind.Client);
        Assert.Equal(SamplingDecision.Drop, sampler.ShouldSample(orphan).Decision);

        // The one trace of the budget is still there for a request; under a recorded parent the call is kept (parent-based).
        var parentBased = new ParentBasedSampler(new BudgetSampler(1, new AlwaysOffSampler()));
        Assert.Equal(SamplingDecision.RecordAndSample, parentBased.ShouldSample(Root()).Decision);
        var recordedParent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        Assert.Equal(SamplingDecision.RecordAndSample, parentBased.ShouldSample(new SamplingParameters(recordedParent, recordedParent.TraceId, "talent_feedback", ActivityKind.Client)).Decision);
        Assert.Equal(SamplingDecision.Drop, parentBased.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "talent_feedback", ActivityKind.Client)).Decision);
    }
}
