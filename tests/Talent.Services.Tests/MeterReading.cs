using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Talent.Services.Tests;

/// <summary>
/// An in-process <see cref="MeterListener"/> on one host's meters (those its <see cref="IMeterFactory"/> made), so other
/// hosts of the same test process add nothing: counters summed by tag, gauges as last observed.
/// </summary>
public sealed class MeterReading : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly ConcurrentDictionary<string, double> _gauges = new();

    public MeterReading(IMeterFactory factory, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Note(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Note(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements, of those with the tag when one is given.</summary>
    public double Sum(string instrument, string? tag = null, object? value = null) =>
        _measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))).Sum(m => m.Value);

    /// <summary>Observes the gauges now and returns the value of one (null when it reported none).</summary>
    public double? Gauge(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _gauges.TryGetValue(instrument, out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();

    private void Note(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument is ObservableGauge<double>)
        {
            _gauges[instrument.Name] = value;
        }
        else
        {
            _measurements.Enqueue((instrument.Name, value, tags.ToArray()));
        }
    }
}
