namespace Talent.Matching.Matching;

/// <summary>
/// Batch assignment of demands to providers, maximising the total score while every demand gets at most its tier's number
/// of providers (each at most once) and every provider at most its remaining capacity.
/// <para>
/// <see cref="Exact"/> solves it as a min-cost flow (demand [supply: need] → provider [1, −score] → sink [capacity], plus a
/// demand → sink bypass at cost 0 for places left empty) by cost scaling (push-relabel refines). To stay small it starts
/// from each demand's best candidates and each provider's best demands only, then proves the result optimal for every
/// eligible pair with the final prices (no left-out pair's reduced cost breaks 1-optimality in the scaled costs); pairs
/// that fail the proof are added and it solves again from where it was. Deterministic: the same input gives the same pairs.
/// </para>
/// <see cref="Greedy"/> is the baseline: demands in the given order each take their best providers with room left.
/// </summary>
public static partial class Assignment
{
    /// <summary>The most pairs (demands × providers) one batch scores: two bytes each, so at most 128 MB.</summary>
    public const long MostPairs = 64_000_000;

    /// <summary>The most demands and providers together in one batch (so scaled costs and prices stay far inside 64 bits).</summary>
    public const int MostNodes = 1_000_000;

    /// <param name="need">Providers each demand still wants.</param>
    /// <param name="capacity">Places each provider has left.</param>
    /// <param name="score">The pair's score (0 to 32,767), or a negative number when the provider is not eligible for the demand.</param>
    /// <param name="candidatesPerDemand">Each demand's best candidates the network starts with, and the most violating pairs a proof round adds per demand.</param>
    /// <param name="demandsPerPlace">Each provider's best demands the network starts with, per place it has.</param>
    /// <param name="repairAtMost">Later rounds repair by shortest paths when their added pairs break the prices by at most this many units, else scale again.</param>
    public static AssignmentResult Exact(int[] need, int[] capacity, Func<int, int, int> score, int candidatesPerDemand = 12, int demandsPerPlace = 8, int repairAtMost = 256)
    {
        var demands = need.Length;
        var providers = capacity.Length;
        if ((long)demands * providers > MostPairs || demands + providers > MostNodes)
        {
            throw new ArgumentException($"A batch takes at most {MostPairs} pairs and {MostNodes} demands and providers together; {demands} demands × {providers} providers is more.", nameof(need));
        }

        // Every pair scored once (−1: not eligible, no place wanted or no room left).
        var table = new short[demands * providers];
        Parallel.For(0, demands, d =>
        {
            var row = table.AsSpan(d * providers, providers);
            for (var p = 0; p < providers; p++)
            {
                row[p] = (short)(need[d] > 0 && capacity[p] > 0 ? Math.Clamp(score(d, p), -1, short.MaxValue) : -1);
            }
        });

        // The network starts from each demand's best candidates and each provider's best demands (scarce providers are where
        // the optimum departs from each demand's favourites); ties go to the lower index.
        var inNetwork = new ulong[((demands * providers) + 63) / 64];
        var lists = new List<(int Provider, int Score)>[demands];
        Parallel.For(0, demands, d =>
        {
            var best = new Best(need[d] > 0 ? Math.Max(1, candidatesPerDemand) : 0);
            var row = table.AsSpan(d * providers, providers);
            for (var p = 0; p < providers; p++)
            {
                best.Offer(p, row[p]);
            }

            lists[d] = best.Take();
        });
        // Providers in one slice per core, each slice reading the table row by row (demands in increasing order).
        var byProvider = new Best[providers];
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, providers));
        Parallel.For(0, slices, slice =>
        {
            var (from, to) = (providers * slice / slices, providers * (slice + 1) / slices);
            for (var p = from; p < to; p++)
            {
                byProvider[p] = new Best(capacity[p] * demandsPerPlace);
            }

            for (var d = 0; d < demands; d++)
            {
                var row = table.AsSpan(d * providers, providers);
                for (var p = from; p < to; p++)
                {
                    byProvider[p].Offer(d, row[p]);
                }
            }
        });
        for (var d = 0; d < demands; d++)
        {
            foreach (var (p, _) in lists[d])
            {
                Mark(inNetwork, (d * providers) + p);
            }
        }

        for (var p = 0; p < providers; p++)
        {
            foreach (var (d, s) in byProvider[p].Take())
            {
                if (Mark(inNetwork, (d * providers) + p))
                {
                    lists[d].Add((p, s));
                }
            }
        }

        var refines = 0;
        CostScaling? previous = null;
        for (var round = 1; ; round++)
        {
            // The first round solves from nothing; later ones start from the last optimum and its exact prices.
            var flow = new CostScaling(need, capacity, lists, previous);
            flow.Run(repairAtMost);
            refines += flow.Refines;
            previous = flow;

            // The proof: exact potentials in points for this optimum (every residual arc's reduced cost at least 0); if no
            // left-out pair has a negative reduced cost either, no exchange with it can improve the total, so it is optimal over
            // every eligible pair. Those that fail join the network, the most violating first, and it solves again.
            var potentials = flow.Potentials();
            var violated = 0;
            var additions = new List<(int Provider, int Score)>[demands];
            Parallel.For(0, demands, d =>
            {
                var row = table.AsSpan(d * providers, providers);
                List<(int Provider, int Score, long Reduced)>? extra = null;
                for (var p = 0; p < providers; p++)
                {
                    if (row[p] >= 0 && potentials[d] - potentials[demands + p] - row[p] is var reduced && reduced < 0 && !IsMarked(inNetwork, (d * providers) + p))
                    {
                        (extra ??= []).Add((p, row[p], reduced));
                    }
                }

                if (extra is not null)
                {
                    Interlocked.Add(ref violated, extra.Count);
                    extra.Sort((a, b) => a.Reduced != b.Reduced ? a.Reduced.CompareTo(b.Reduced) : a.Provider.CompareTo(b.Provider));
                    additions[d] = [.. extra.Take(Math.Max(1, candidatesPerDemand)).Select(x => (x.Provider, x.Score))];
                }
            });
            if (violated == 0)
            {
                var pairs = flow.Pairs();
                return new AssignmentResult(pairs, pairs.Sum(p => (long)p.Score), round, lists.Sum(l => l.Count), refines);
            }

            for (var d = 0; d < demands; d++)
            {
                foreach (var (p, s) in additions[d] ?? [])
                {
                    Mark(inNetwork, (d * providers) + p);
                    lists[d].Add((p, s));
                }
            }
        }
    }

    private static bool Mark(ulong[] bits, int index)
    {
        var before = bits[index >> 6];
        bits[index >> 6] = before | (1UL << index);
        return (before & (1UL << index)) == 0;
    }

    private static bool IsMarked(ulong[] bits, int index) => (bits[index >> 6] & (1UL << index)) != 0;

    /// <summary>The best few of a stream of (index, score) offered in increasing index order: higher score first, then lower index.</summary>
    private sealed class Best(int count)
    {
        // The worst kept on top: lowest score, and among equal scores the highest index.
        private readonly PriorityQueue<int, (int Score, int Index)> _kept = new(Comparer<(int Score, int Index)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Index.CompareTo(a.Index)));

        public void Offer(int index, int score)
        {
            if (score < 0 || count == 0)
            {
                return;
            }

            if (_kept.Count < count)
            {
                _kept.Enqueue(index, (score, index));
            }
            else if (_kept.TryPeek(out _, out var worst) && score > worst.Score)
            {
                _kept.EnqueueDequeue(index, (score, index));
            }
        }

        public List<(int Index, int Score)> Take()
        {
            var taken = new List<(int Index, int Score)>(_kept.Count);
            while (_kept.TryDequeue(out var index, out var key))
            {
                taken.Add((index, key.Score));
            }

            taken.Reverse();
            return taken;
        }
    }

    /// <summary>Demands in order, each taking its best eligible providers that still have room (ties: lower index).</summary>
    public static AssignmentResult Greedy(int[] need, int[] capacity, Func<int, int, int> score)
    {
        var left = (int[])capacity.Clone();
        var pairs = new List<Pair>();
        var scored = new List<(int Provider, int Score)>();
        for (var d = 0; d < need.Length; d++)
        {
            scored.Clear();
            for (var p = 0; p < left.Length; p++)
            {
                if (left[p] > 0 && score(d, p) is var s && s >= 0)
                {
                    scored.Add((p, s));
                }
            }

            scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Provider.CompareTo(b.Provider));
            foreach (var (provider, s) in scored.Take(need[d]))
            {
                left[provider]--;
                pairs.Add(new Pair(d, provider, s));
            }
        }

        return new AssignmentResult(pairs, pairs.Sum(p => (long)p.Score), 1, 0, 0);
    }
}
