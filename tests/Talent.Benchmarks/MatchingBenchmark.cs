using System.Diagnostics;
using Talent.Matching.Matching;

namespace Talent.Benchmarks;

/// <summary>
/// The matching service's computations in-process, on generated providers and demands shaped like the zone's (a
/// provider covers one or two domains and one to three service types; a demand names one or two domains and one or two
/// service types): the ranking of one demand over 5,000 providers with each candidate's explanation, and the batch
/// assignment of 10,000 demands to 2,000 providers by the exact method and by the greedy baseline.
/// </summary>
public static class MatchingBenchmark
{
    public static Task<int> RunAsync(Options options)
    {
        var random = new Random(options.Get("seed", 2026));
        var rankingProviders = Providers(random, options.Get("ranking-providers", 5000));
        var demands = Demands(random, options.Get("demands", 10_000));
        var latencies = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var ranked = Rank(demands[i % demands.Length], rankingProviders, 10);
            if (i >= 200)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            GC.KeepAlive(ranked);
        }

        Console.WriteLine($"ranking one demand over {rankingProviders.Length} providers (score every provider, keep and explain the best 10): {Stats.Percentiles(latencies)}");

        var providers = Providers(random, options.Get("providers", 2000));
        var need = demands.Select(d => d.Need).ToArray();
        var capacity = providers.Select(p => p.Facts.Capacity - p.Facts.Load).ToArray();
        int Score(int d, int p) => Scoring.Points(demands[d].Facts, providers[p].Facts);
        Console.WriteLine($"batch: {demands.Length} demands needing {need.Sum()} providers, {providers.Length} providers with {capacity.Sum()} places");
        var clock = Stopwatch.StartNew();
        var greedy = Assignment.Greedy(need, capacity, Score);
        Console.WriteLine($"  greedy baseline: total {greedy.Total}, {greedy.Pairs.Count} proposals, {clock.Elapsed.TotalSeconds:0.00} s");
        clock.Restart();
        var exact = Assignment.Exact(need, capacity, Score, options.Get("candidates", 12), options.Get("per-place", 8));
        Console.WriteLine($"  exact (min-cost flow, proven optimal over every eligible pair): total {exact.Total}, {exact.Pairs.Count} proposals, {clock.Elapsed.TotalSeconds:0.00} s ({exact.Rounds} rounds, {exact.Edges} pairs in the network, {exact.Refines} cost-scaling refines)");
        Console.WriteLine($"  exact / greedy = {(double)exact.Total / greedy.Total:0.0000}");
        return Task.FromResult(0);
    }

    private sealed record GeneratedProvider(int Index, ProviderFacts Facts);

    private sealed record GeneratedDemand(DemandFacts Facts, int Need);

    private static List<(int Provider, int Score)> Rank(GeneratedDemand demand, GeneratedProvider[] providers, int top)
    {
        var scored = new List<(int Provider, int Score)>(providers.Length);
        foreach (var provider in providers)
        {
            if (Scoring.Points(demand.Facts, provider.Facts) is var points && points >= 0)
            {
                scored.Add((provider.Index, points));
            }
        }

        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Provider.CompareTo(b.Provider));
        var best = scored.Take(top).ToList();
        foreach (var (provider, _) in best)
        {
            GC.KeepAlive(Scoring.Explain(demand.Facts, providers[provider].Facts));
        }

        return best;
    }

    private static ulong Some(Random random, int terms, double second, double third = 0) =>
        (1UL << random.Next(terms)) | (random.NextDouble() < second ? 1UL << random.Next(terms) : 0) | (random.NextDouble() < third ? 1UL << random.Next(terms) : 0);

    private static GeneratedProvider[] Providers(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new GeneratedProvider(i, new ProviderFacts(
            Some(random, Vocabulary.Domains.Terms.Count, 0.5), Some(random, Vocabulary.ServiceTypes.Terms.Count, 0.6, 0.3), Some(random, Vocabulary.Stages.Terms.Count, 0.8, 0.5),
            random.NextDouble() < 0.3 ? 3UL : 1UL, random.Next(3, 11), random.Next(0, 3), random.Next(1, 4), random.Next(0, 200), random.Next(0, 50), random.NextDouble() < 0.95)))];

    private static GeneratedDemand[] Demands(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(10) switch
        {
            0 => (Tier: 3, MinSeniority: 2),
            < 4 => (Tier: 2, MinSeniority: 1),
            _ => (Tier: 1, MinSeniority: 1),
        }).Select(t => new GeneratedDemand(new DemandFacts(
            Some(random, Vocabulary.Domains.Terms.Count, 0.5), Some(random, Vocabulary.ServiceTypes.Terms.Count, 0.4), 1UL << random.Next(Vocabulary.Stages.Terms.Count),
            random.NextDouble() < 0.9 ? 1UL : 2UL, t.MinSeniority), t.Tier))];
}
