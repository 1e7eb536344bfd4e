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
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"n={sorted.Length} p50={At(0.50):0.0} ms p95={At(0.95):0.0} ms p99={At(0.99):0.0} ms max={sorted[^1]:0.0} ms";
    }
}
