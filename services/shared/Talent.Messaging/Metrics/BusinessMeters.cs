using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Talent.Messaging.Metrics;

/// <summary>
/// What a service's business meters are: counters of what happened, each counted from an event the service records
/// (<see cref="Count{TEvent}"/>) or by the code that did it (<see cref="Counter"/>), and gauges of what waits, sampled
/// from its database by a <see cref="GaugeSampler{TContext}"/>. Names are under <c>talent.</c>, with a unit and a description.
/// </summary>
public sealed class BusinessMeterPlan(string meterName)
{
    internal string MeterName { get; } = meterName;

    internal List<(string Name, string Unit, string Description)> Counters { get; } = [];

    internal Dictionary<Type, List<(string Counter, Func<object, TagList> Tags)>> FromEvents { get; } = [];

    internal List<(string Name, string Unit, string Description)> Gauges { get; } = [];

    /// <summary>A counter added to by code (<see cref="BusinessMeters.Add"/>).</summary>
    public BusinessMeterPlan Counter(string name, string unit, string description)
    {
        if (!Counters.Any(c => c.Name == name))
        {
            Counters.Add((name, unit, description));
        }

        return this;
    }

    /// <summary>A counter of the <typeparamref name="TEvent"/> events the service records, counted once their transaction commits.</summary>
    public BusinessMeterPlan Count<TEvent>(string name, string unit, string description, Func<TEvent, TagList>? tags = null)
        where TEvent : class
    {
        Counter(name, unit, description);
        if (!FromEvents.TryGetValue(typeof(TEvent), out var counters))
        {
            FromEvents[typeof(TEvent)] = counters = [];
        }

        Func<object, TagList> read = tags is null ? static _ => default : e => tags((TEvent)e);
        counters.Add((name, read));
        return this;
    }

    /// <summary>A gauge whose value the service's sampler sets under the same name.</summary>
    public BusinessMeterPlan Gauge(string name, string unit, string description)
    {
        Gauges.Add((name, unit, description));
        return this;
    }
}

/// <summary>
/// A service's business meters (one <see cref="Meter"/> from the host's <see cref="IMeterFactory"/>, exported with the
/// rest of its telemetry to the dashboard; the factory disposes it). Gauges report the last sample, nothing before the first.
/// </summary>
public sealed class BusinessMeters
{
    private readonly Meter _meter;
    private readonly FrozenDictionary<string, Counter<long>> _counters;
    private readonly FrozenDictionary<Type, (Counter<long> Counter, Func<object, TagList> Tags)[]> _fromEvents;
    private readonly ConcurrentDictionary<string, double> _gauges = new(StringComparer.Ordinal);

    public BusinessMeters(IMeterFactory factory, BusinessMeterPlan plan)
    {
        _meter = factory.Create(plan.MeterName);
        _counters = plan.Counters.ToFrozenDictionary(c => c.Name, c => _meter.CreateCounter<long>(c.Name, c.Unit, c.Description));
        _fromEvents = plan.FromEvents.ToFrozenDictionary(p => p.Key, p => p.Value.Select(c => (_counters[c.Counter], c.Tags)).ToArray());
        foreach (var (name, unit, description) in plan.Gauges)
        {
            _meter.CreateObservableGauge<double>(name, () => Observe(name), unit, description);
        }
    }

    /// <summary>The meter's name (<c>Talent.Applications</c>, ...), as the telemetry exporter and a listener select it.</summary>
    public string MeterName => _meter.Name;

    private IEnumerable<Measurement<double>> Observe(string gauge)
    {
        if (_gauges.TryGetValue(gauge, out var value))
        {
            yield return new Measurement<double>(value);
        }
    }

    /// <summary>Counts the events of a committed transaction that the plan counts.</summary>
    public void Counted(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            if (_fromEvents.TryGetValue(e.GetType(), out var counters))
            {
                foreach (var (counter, tags) in counters)
                {
                    counter.Add(1, tags(e));
                }
            }
        }
    }

    /// <summary>Adds to a counter of the plan.</summary>
    public void Add(string counter, long value = 1, TagList tags = default) => _counters[counter].Add(value, tags);

    /// <summary>Sets a gauge of the plan from a sample.</summary>
    public void Set(string gauge, double value) => _gauges[gauge] = value;
}
