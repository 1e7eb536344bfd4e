namespace Talent.Benchmarks;

public static class Stats
{
    public static string Percentiles(IReadOnlyCollection<double> millis)
    {
        if (millis.Count == 0)
        {
            return "no samples";
        }

        var sorted = millis.Order().ToArray();
        return $"n={sorted.Length} p50={At(sorted, 0.50):0.0} ms p95={At(sorted, 0.95):0.0} ms p99={At(sorted, 0.99):0.0} ms max={sorted[^1]:0.0} ms";
    }

    /// <summary>The <paramref name="p"/> percentile (nearest rank) of samples.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double p) => At(samples.Order().ToArray(), p);

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];

    /// <summary>One figure of each run, after an unmeasured warm-up run: their median, lowest and highest.</summary>
    public static async Task<Figure> RepeatAsync(int runs, Func<Task<double>> run) => (await RepeatAsync(runs, async () => new[] { await run() }))[0];

    /// <summary>Several figures of each run (say a throughput and a latency), after an unmeasured warm-up run: each one's median and spread.</summary>
    public static async Task<Figure[]> RepeatAsync(int runs, Func<Task<double[]>> run)
    {
        await run(); // warm-up: connections, JIT, the servers' caches
        var values = new List<double[]>(runs);
        for (var i = 0; i < runs; i++)
        {
            values.Add(await run());
        }

        return [.. Enumerable.Range(0, values[0].Length).Select(f => Figure.Of(values.Select(v => v[f])))];
    }
}

/// <summary>Median, lowest and highest of a figure's runs.</summary>
public sealed record Figure(double Median, double Low, double High)
{
    public static Figure Of(IEnumerable<double> runs)
    {
        var sorted = runs.Order().ToArray();
        return new Figure(sorted[sorted.Length / 2], sorted[0], sorted[^1]);
    }

    public override string ToString() => Format("N0");

    public string Format(string format) => $"{Median.ToString(format)} (spread {Low.ToString(format)}–{High.ToString(format)})";
}
