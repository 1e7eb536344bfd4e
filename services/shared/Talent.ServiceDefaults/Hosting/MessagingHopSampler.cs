using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// For a span under a parent in this process that was left out of the sample: a hop to or from the broker (a producer or
/// consumer span) is kept unexported (<see cref="SamplingDecision.RecordOnly"/>), anything else is dropped. MassTransit
/// writes a message's trace header only from a send span it has, and reads it back as a parent of this process (not
/// remote); dropped, such spans do not exist, so the message of a request left out went out without its trace and the
/// next span began a new trace, sampled again against a service's budget (under `propagation`, 659 of the 1,464 traces
/// the dashboard held began at the catalogue's sends, with no request in them). Kept unexported, the request's decision
/// travels with the message and nothing of it is exported.
/// </summary>
public sealed class MessagingHopSampler : Sampler
{
    public MessagingHopSampler() => Description = nameof(MessagingHopSampler);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind is ActivityKind.Producer or ActivityKind.Consumer ? SamplingDecision.RecordOnly : SamplingDecision.Drop);
}
