namespace Talent.Matching.Matching;

/// <summary>One proposal of a batch: a demand, a provider and the pair's score.</summary>
public readonly record struct Pair(int Demand, int Provider, int Score);

/// <summary>The pairs chosen and their total; for the exact method also the rounds of the optimality proof, the pairs in the final network and the cost-scaling refines.</summary>
public sealed record AssignmentResult(IReadOnlyList<Pair> Pairs, long Total, int Rounds, int Edges, int Refines);

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
public static class Assignment
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

    /// <summary>
    /// Min-cost flow by cost scaling (Goldberg's push-relabel refine): costs are multiplied by one more than the number of
    /// nodes, so a flow that is 1-optimal (no residual arc with a reduced cost below −1) is optimal; ε starts at the largest
    /// cost (or, warm, at the worst violation of the previous round's potentials) and is divided by <see cref="Alpha"/> until 1.
    /// Each refine saturates every arc of negative reduced cost and then discharges the excess it made, first in first out.
    /// </summary>
    private sealed class CostScaling
    {
        private const long Alpha = 8;
        private readonly int _demands;
        private readonly int _sink;
        private readonly long _scale;
        private readonly int[] _first;   // arcs of node u: _first[u] .. _first[u + 1] − 1
        private readonly int[] _to;
        private readonly int[] _reverse;
        private readonly int[] _residual;
        private readonly long[] _cost;
        private readonly long[] _excess;
        private readonly int[] _current;
        private readonly bool _warm;

        public long[] Prices { get; }

        public int Refines { get; private set; }

        public CostScaling(int[] need, int[] capacity, List<(int Provider, int Score)>[] lists, CostScaling? warm)
        {
            _demands = need.Length;
            var nodes = need.Length + capacity.Length + 1;
            _sink = nodes - 1;
            _scale = nodes + 1;
            var used = warm?.Pairs().Select(p => (p.Demand, p.Provider)).ToHashSet() ?? [];

            // Count each node's arcs (an arc and its reverse), then lay them out node by node.
            var degree = new int[nodes + 1];
            for (var d = 0; d < need.Length; d++)
            {
                if (need[d] <= 0)
                {
                    continue;
                }

                degree[d] += 1 + lists[d].Count;
                degree[_sink]++;
                foreach (var (provider, _) in lists[d])
                {
                    degree[ProviderNode(provider)]++;
                }
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                if (capacity[p] > 0)
                {
                    degree[ProviderNode(p)]++;
                    degree[_sink]++;
                }
            }

            _first = new int[nodes + 1];
            for (var u = 0; u < nodes; u++)
            {
                _first[u + 1] = _first[u] + degree[u];
            }

            var arcs = _first[nodes];
            _to = new int[arcs];
            _reverse = new int[arcs];
            _residual = new int[arcs];
            _cost = new long[arcs];
            _excess = new long[nodes];
            _current = new int[nodes];
            Prices = new long[nodes];
            var fill = (int[])_first.Clone();
            var atProvider = new int[capacity.Length];
            for (var d = 0; d < need.Length; d++)
            {
                if (need[d] <= 0)
                {
                    continue;
                }

                var assigned = 0;
                foreach (var (provider, score) in lists[d])
                {
                    var flow = used.Contains((d, provider)) ? 1 : 0;
                    assigned += flow;
                    atProvider[provider] += flow;
                    Arc(fill, d, ProviderNode(provider), 1, flow, -score * _scale);
                }

                Arc(fill, d, _sink, need[d], need[d] - assigned, 0); // places left empty
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                if (capacity[p] > 0)
                {
                    Arc(fill, ProviderNode(p), _sink, capacity[p], atProvider[p], 0);
                }
            }

            if (warm is not null)
            {
                _warm = true;
                Array.Copy(warm.Prices, Prices, nodes);
            }
        }

        private int ProviderNode(int provider) => _demands + provider;

        private void Arc(int[] fill, int from, int to, int capacity, int flow, long cost)
        {
            var a = fill[from]++;
            var b = fill[to]++;
            _to[a] = to;
            _reverse[a] = b;
            _residual[a] = capacity - flow;
            _cost[a] = cost;
            _to[b] = from;
            _reverse[b] = a;
            _residual[b] = flow;
            _cost[b] = -cost;
        }

        /// <summary>Scales ε down from the worst violation of the current prices to 1; the flow is then optimal.</summary>
        public void Run(int repairAtMost)
        {
            long epsilon = 0;
            var violating = 0;
            for (var u = 0; u < _excess.Length; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && -(_cost[a] + Prices[u] - Prices[_to[a]]) is var violation && violation > 0)
                    {
                        epsilon = Math.Max(epsilon, violation);
                        violating += _residual[a];
                    }
                }
            }

            // A warm start with exact prices and a few added pairs that break them: shortest paths move those few units;
            // otherwise (a cold start, or many) cost scaling.
            if (_warm && violating <= repairAtMost)
            {
                Repair();
                return;
            }

            while (epsilon > 1)
            {
                epsilon = Math.Max(1, epsilon / Alpha);
                Refine(epsilon);
            }
        }

        /// <summary>
        /// Saturates the arcs whose reduced cost is negative (only the added pairs: the prices are exact for the rest), then sends
        /// each unit of excess this makes to a node short of flow along a shortest path in reduced costs (Dijkstra from every
        /// node with excess), raising the prices by the distances so that every reduced cost stays at least zero. The result
        /// is 0-optimal: optimal.
        /// </summary>
        private void Repair()
        {
            var nodes = _excess.Length;
            for (var u = 0; u < nodes; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[_to[a]] < 0)
                    {
                        Push(u, a, _residual[a]);
                    }
                }
            }

            var distance = new long[nodes];
            var via = new int[nodes];
            var queue = new PriorityQueue<int, long>();
            while (true)
            {
                Array.Fill(distance, long.MaxValue);
                queue.Clear();
                for (var u = 0; u < nodes; u++)
                {
                    if (_excess[u] > 0)
                    {
                        distance[u] = 0;
                        via[u] = -1;
                        queue.Enqueue(u, 0);
                    }
                }

                if (queue.Count == 0)
                {
                    return;
                }

                var target = -1;
                while (queue.TryDequeue(out var u, out var du))
                {
                    if (du > distance[u])
                    {
                        continue;
                    }

                    if (_excess[u] < 0)
                    {
                        target = u;
                        break;
                    }

                    for (var a = _first[u]; a < _first[u + 1]; a++)
                    {
                        var v = _to[a];
                        if (_residual[a] > 0 && du + _cost[a] + Prices[u] - Prices[v] is var dv && dv < distance[v])
                        {
                            distance[v] = dv;
                            via[v] = a;
                            queue.Enqueue(v, dv);
                        }
                    }
                }

                if (target < 0)
                {
                    throw new InvalidOperationException("Excess with nowhere to go: the network is not balanced.");
                }

                var reach = distance[target];
                for (var v = 0; v < nodes; v++)
                {
                    Prices[v] += Math.Min(distance[v], reach);
                }

                // Back along the path to where it started; move as much as the path, the excess and the shortage allow.
                var units = -_excess[target];
                var start = target;
                for (var v = target; via[v] >= 0; v = _to[_reverse[via[v]]])
                {
                    units = Math.Min(units, _residual[via[v]]);
                    start = _to[_reverse[via[v]]];
                }

                units = Math.Min(units, _excess[start]);
                for (var v = target; via[v] >= 0; v = _to[_reverse[via[v]]])
                {
                    Push(_to[_reverse[via[v]]], via[v], (int)units);
                }
            }
        }

        private void Push(int from, int arc, int units)
        {
            _residual[arc] -= units;
            _residual[_reverse[arc]] += units;
            _excess[from] -= units;
            _excess[_to[arc]] += units;
        }

        private void Refine(long epsilon)
        {
            Refines++;
            var nodes = _excess.Length;
            for (var u = 0; u < nodes; u++)
            {
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[_to[a]] < 0)
                    {
                        var units = _residual[a];
                        _residual[a] = 0;
                        _residual[_reverse[a]] += units;
                        _excess[u] -= units;
                        _excess[_to[a]] += units;
                    }
                }
            }

            var active = new Queue<int>();
            for (var u = 0; u < nodes; u++)
            {
                _current[u] = _first[u];
                if (_excess[u] > 0)
                {
                    active.Enqueue(u);
                }
            }

            while (active.TryDequeue(out var u))
            {
                // Discharge u: push along admissible arcs (residual, reduced cost below zero), relabel when there are none.
                while (_excess[u] > 0)
                {
                    var a = _current[u];
                    if (a == _first[u + 1])
                    {
                        Relabel(u, epsilon);
                        continue;
                    }

                    var v = _to[a];
                    if (_residual[a] > 0 && _cost[a] + Prices[u] - Prices[v] < 0)
                    {
                        var units = (int)Math.Min(_excess[u], _residual[a]);
                        _residual[a] -= units;
                        _residual[_reverse[a]] += units;
                        _excess[u] -= units;
                        var before = _excess[v];
                        _excess[v] += units;
                        if (before <= 0 && _excess[v] > 0)
                        {
                            active.Enqueue(v);
                        }

                        if (_residual[a] == 0)
                        {
                            _current[u]++;
                        }
                    }
                    else
                    {
                        _current[u]++;
                    }
                }
            }
        }

        /// <summary>Lowers u's price as far as ε-optimality allows: its best residual arc gets a reduced cost of −ε.</summary>
        private void Relabel(int u, long epsilon)
        {
            var best = long.MinValue;
            var bestArc = -1;
            for (var a = _first[u]; a < _first[u + 1]; a++)
            {
                if (_residual[a] > 0 && Prices[_to[a]] - _cost[a] is var candidate && candidate > best)
                {
                    best = candidate;
                    bestArc = a;
                }
            }

            if (bestArc < 0)
            {
                throw new InvalidOperationException("Excess at a node with no residual arc: the network is not balanced.");
            }

            Prices[u] = best - epsilon;
            _current[u] = bestArc;
        }

        /// <summary>
        /// Potentials in points (unscaled) under which every residual arc's reduced cost is at least zero, which exist because
        /// the flow is optimal (no negative cycle): the prices divided by the scale, then lowered where an arc breaks that, by
        /// label-correcting shortest paths. They become the next round's prices, so a warm start begins exactly optimal.
        /// </summary>
        public long[] Potentials()
        {
            var nodes = _excess.Length;
            var potentials = new long[nodes];
            var queued = new bool[nodes];
            var relaxed = new int[nodes];
            var queue = new Queue<int>(nodes);
            for (var u = 0; u < nodes; u++)
            {
                potentials[u] = (long)Math.Floor((double)Prices[u] / _scale);
                queued[u] = true;
                queue.Enqueue(u);
            }

            while (queue.TryDequeue(out var u))
            {
                queued[u] = false;
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    var v = _to[a];
                    if (_residual[a] > 0 && potentials[u] + (_cost[a] / _scale) is var bound && bound < potentials[v])
                    {
                        potentials[v] = bound;
                        if (++relaxed[v] > nodes)
                        {
                            throw new InvalidOperationException("A negative cycle in an optimal flow's residual network: the solver is wrong.");
                        }

                        if (!queued[v])
                        {
                            queued[v] = true;
                            queue.Enqueue(v);
                        }
                    }
                }
            }

            for (var u = 0; u < nodes; u++)
            {
                Prices[u] = potentials[u] * _scale;
            }

            return potentials;
        }

        public List<Pair> Pairs()
        {
            var pairs = new List<Pair>();
            for (var d = 0; d < _demands; d++)
            {
                for (var a = _first[d]; a < _first[d + 1]; a++)
                {
                    // A demand's arcs are all its own (nothing flows into a demand): those to providers that are full are used.
                    if (_to[a] != _sink && _residual[a] == 0)
                    {
                        pairs.Add(new Pair(d, _to[a] - _demands, (int)(-_cost[a] / _scale)));
                    }
                }
            }

            pairs.Sort((x, y) => x.Demand != y.Demand ? x.Demand.CompareTo(y.Demand) : x.Provider.CompareTo(y.Provider));
            return pairs;
        }
    }
}
