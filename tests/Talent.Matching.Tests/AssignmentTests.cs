using Talent.Matching.Matching;
using Xunit;

namespace Talent.Matching.Tests;

/// <summary>The exact batch assignment against brute force, its constraints, its determinism, and the greedy baseline.</summary>
public sealed class AssignmentTests
{
    private sealed record Case(int[] Need, int[] Capacity, int[,] Scores)
    {
        public int Score(int d, int p) => Scores[d, p];
    }

    private static Case Random(Random random, int demands, int providers, double eligible = 0.7)
    {
        var scores = new int[demands, providers];
        for (var d = 0; d < demands; d++)
        {
            for (var p = 0; p < providers; p++)
            {
                scores[d, p] = random.NextDouble() < eligible ? random.Next(0, 1001) : -1;
            }
        }

        return new Case(
            [.. Enumerable.Range(0, demands).Select(_ => random.Next(0, 4))],
            [.. Enumerable.Range(0, providers).Select(_ => random.Next(0, 3))],
            scores);
    }

    /// <summary>The best total by trying every set of providers for every demand.</summary>
    private static long BruteForce(Case c)
    {
        var demands = c.Need.Length;
        var providers = c.Capacity.Length;
        var left = (int[])c.Capacity.Clone();
        long best = 0;

        void Visit(int d, long total)
        {
            if (d == demands)
            {
                best = Math.Max(best, total);
                return;
            }

            for (var mask = 0; mask < 1 << providers; mask++)
            {
                if (int.PopCount(mask) > c.Need[d])
                {
                    continue;
                }

                var ok = true;
                long sum = 0;
                for (var p = 0; p < providers && ok; p++)
                {
                    if ((mask & (1 << p)) != 0)
                    {
                        ok = left[p] > 0 && c.Scores[d, p] >= 0;
                        sum += c.Scores[d, p];
                    }
                }

                if (!ok)
                {
                    continue;
                }

                for (var p = 0; p < providers; p++)
                {
                    if ((mask & (1 << p)) != 0)
                    {
                        left[p]--;
                    }
                }

                Visit(d + 1, total + sum);
                for (var p = 0; p < providers; p++)
                {
                    if ((mask & (1 << p)) != 0)
                    {
                        left[p]++;
                    }
                }
            }
        }

        Visit(0, 0);
        return best;
    }

    private static void AssertFeasible(Case c, AssignmentResult result)
    {
        Assert.All(result.Pairs.GroupBy(p => p.Demand), g =>
        {
            Assert.True(g.Count() <= c.Need[g.Key], $"demand {g.Key} got {g.Count()} > {c.Need[g.Key]}");
            Assert.Equal(g.Count(), g.Select(p => p.Provider).Distinct().Count());
        });
        Assert.All(result.Pairs.GroupBy(p => p.Provider), g => Assert.True(g.Count() <= c.Capacity[g.Key], $"provider {g.Key} over capacity"));
        Assert.All(result.Pairs, p =>
        {
            Assert.True(c.Scores[p.Demand, p.Provider] >= 0, "an ineligible pair");
            Assert.Equal(c.Scores[p.Demand, p.Provider], p.Score);
        });
        Assert.Equal(result.Pairs.Sum(p => (long)p.Score), result.Total);
    }

    [Fact]
    public void The_exact_method_finds_the_brute_force_optimum_on_300_small_random_cases_repaired_or_rescaled()
    {
        var random = new Random(20261126);
        var warmRounds = 0;
        for (var n = 0; n < 300; n++)
        {
            var c = Random(random, random.Next(1, 5), random.Next(1, 5));
            var best = BruteForce(c);
            // Start from one candidate per place and one demand per place, so the optimality proof has to add pairs back and
            // later rounds start warm: repaired by shortest paths (the default), or scaled again (repairAtMost: 0).
            foreach (var repairAtMost in new[] { 256, 0 })
            {
                var exact = Assignment.Exact(c.Need, c.Capacity, c.Score, candidatesPerDemand: 1, demandsPerPlace: 1, repairAtMost: repairAtMost);
                AssertFeasible(c, exact);
                Assert.Equal(best, exact.Total);
                warmRounds += exact.Rounds - 1;
            }

            var greedy = Assignment.Greedy(c.Need, c.Capacity, c.Score);
            AssertFeasible(c, greedy);
            Assert.True(best >= greedy.Total);
        }

        Assert.True(warmRounds > 50, $"only {warmRounds} warm rounds: the proof hardly ever added pairs");
    }

    [Fact]
    public void Where_greedy_goes_wrong_the_exact_method_does_not()
    {
        // Demand 0 comes first and takes provider 0 (900 > 800); demand 1 can use only provider 0 (850).
        var c = new Case([1, 1], [1, 1], new[,] { { 900, 800 }, { 850, -1 } });
        Assert.Equal(900, Assignment.Greedy(c.Need, c.Capacity, c.Score).Total);
        var exact = Assignment.Exact(c.Need, c.Capacity, c.Score);
        Assert.Equal(1650, exact.Total);
        Assert.Equal([new Pair(0, 1, 800), new Pair(1, 0, 850)], exact.Pairs);
    }

    [Fact]
    public void A_larger_batch_respects_every_capacity_and_gives_the_same_answer_every_time_and_either_way()
    {
        var c = Random(new Random(7), 300, 60, 0.3);
        var first = Assignment.Exact(c.Need, c.Capacity, c.Score, candidatesPerDemand: 3, demandsPerPlace: 1);
        AssertFeasible(c, first);
        Assert.True(first.Rounds > 1);
        var second = Assignment.Exact(c.Need, c.Capacity, c.Score, candidatesPerDemand: 3, demandsPerPlace: 1);
        Assert.Equal(first.Pairs, second.Pairs);
        Assert.True(first.Total >= Assignment.Greedy(c.Need, c.Capacity, c.Score).Total);
        // Starting from more candidates, or rescaling instead of repairing, changes the work, not the optimum.
        Assert.Equal(first.Total, Assignment.Exact(c.Need, c.Capacity, c.Score, candidatesPerDemand: 60).Total);
        Assert.Equal(first.Total, Assignment.Exact(c.Need, c.Capacity, c.Score, candidatesPerDemand: 3, demandsPerPlace: 1, repairAtMost: 0).Total);
    }

    [Fact]
    public void A_batch_beyond_the_pair_limit_is_refused_before_anything_is_scored()
    {
        var scored = 0;
        var need = new int[100_000];
        var capacity = new int[1_000];
        var refused = Assert.Throws<ArgumentException>(() => Assignment.Exact(need, capacity, (_, _) => ++scored));
        Assert.Contains("64000000", refused.Message);
        Assert.Equal(0, scored);
    }
}
