namespace Talent.Matching.Matching;

/// <summary>One proposal of a batch: a demand, a provider and the pair's score.</summary>
public readonly record struct Pair(int Demand, int Provider, int Score);

/// <summary>The pairs chosen and their total; for the exact method also the rounds of the optimality proof, the pairs in the final network and the primal-dual phases.</summary>
public sealed record AssignmentResult(IReadOnlyList<Pair> Pairs, long Total, int Rounds, int Edges, int Phases);

/// <summary>
/// Batch assignment of demands to providers, maximising the total score while every demand gets at most its tier's number
/// of providers (each at most once) and every provider at most its remaining capacity.
/// <para>
/// <see cref="Exact"/> solves it as a min-cost flow (source → demand [need] → provider [1, −score] → sink [capacity], plus a
/// demand → sink bypass at cost 0 for places left empty) by the primal-dual method: Dijkstra on reduced costs, then a
/// blocking flow over the zero-reduced-cost edges. To stay small it starts from each demand's best candidates only, then
/// proves the result optimal for every eligible pair with the final node potentials (no left-out pair has a negative
/// reduced cost); pairs that fail the proof are added and it solves again. Deterministic: ties are broken by index.
/// </para>
/// <see cref="Greedy"/> is the baseline: demands in the given order each take their best providers with room left.
/// </summary>
public static class Assignment
{
    /// <param name="score">The pair's score, or a negative number when the provider is not eligible for the demand.</param>
    public static AssignmentResult Exact(int[] need, int[] capacity, Func<int, int, int> score, int candidatesPerDemand = 12)
    {
        var demands = need.Length;
        var providers = capacity.Length;
        var lists = new List<(int Provider, int Score)>[demands];
        Parallel.For(0, demands, d =>
        {
            var best = new List<(int Provider, int Score)>();
            if (need[d] > 0)
            {
                var keep = Math.Max(candidatesPerDemand, need[d] * 4);
                for (var p = 0; p < providers; p++)
                {
                    if (capacity[p] > 0 && score(d, p) is var s && s >= 0)
                    {
                        best.Add((p, s));
                    }
                }

                best.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Provider.CompareTo(b.Provider));
                if (best.Count > keep)
                {
                    best.RemoveRange(keep, best.Count - keep);
                }
            }

            lists[d] = best;
        });

        // And each provider's best demands (scarce providers are where the optimum departs from each demand's favourites).
        var byProvider = new List<(int Demand, int Score)>[providers];
        Parallel.For(0, providers, p =>
        {
            var best = new List<(int Demand, int Score)>();
            if (capacity[p] > 0)
            {
                for (var d = 0; d < demands; d++)
                {
                    if (need[d] > 0 && score(d, p) is var s && s >= 0)
                    {
                        best.Add((d, s));
                    }
                }

                best.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Demand.CompareTo(b.Demand));
                if (best.Count > capacity[p] * 4)
                {
                    best.RemoveRange(capacity[p] * 4, best.Count - (capacity[p] * 4));
                }
            }

            byProvider[p] = best;
        });
        var present = lists.Select(l => l.Select(c => c.Provider).ToHashSet()).ToArray();
        for (var p = 0; p < providers; p++)
        {
            foreach (var (d, s) in byProvider[p])
            {
                if (present[d].Add(p))
                {
                    lists[d].Add((p, s));
                }
            }
        }

        var phases = 0;
        for (var round = 1; ; round++)
        {
            var flow = new MinCostFlow(need, capacity, lists);
            flow.Run();
            phases += flow.Phases;

            var potentials = flow.Potentials;

            // The proof: a left-out pair with −score + π(d) − π(p) < 0 would improve the solution; add those and solve again.
            var added = 0;
            var inList = lists.Select(l => l.Select(c => c.Provider).ToHashSet()).ToArray();
            var additions = new List<(int Provider, int Score)>[demands];
            Parallel.For(0, demands, d =>
            {
                var extra = new List<(int Provider, int Score, long Reduced)>();
                if (need[d] > 0)
                {
                    for (var p = 0; p < providers; p++)
                    {
                        if (capacity[p] > 0 && !inList[d].Contains(p) && score(d, p) is var s && s >= 0
                            && -s + potentials[flow.DemandNode(d)] - potentials[flow.ProviderNode(p)] is var reduced && reduced < 0)
                        {
                            extra.Add((p, s, reduced));
                        }
                    }
                }

                // The most violating pairs first, a few per round, so the network grows only as much as the optimum needs.
                extra.Sort((a, b) => a.Reduced != b.Reduced ? a.Reduced.CompareTo(b.Reduced) : a.Provider.CompareTo(b.Provider));
                additions[d] = [.. extra.Take(Math.Max(candidatesPerDemand, need[d] * 4)).Select(x => (x.Provider, x.Score))];
            });
            for (var d = 0; d < demands; d++)
            {
                added += additions[d].Count;
                lists[d].AddRange(additions[d]);
            }

            if (added == 0)
            {
                var pairs = flow.Pairs();
                return new AssignmentResult(pairs, pairs.Sum(p => (long)p.Score), round, lists.Sum(l => l.Count), phases);
            }
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

    /// <summary>The flow network and the primal-dual min-cost flow over it.</summary>
    private sealed class MinCostFlow
    {
        private const long Infinity = long.MaxValue / 4;
        private readonly int _demands;
        private readonly int _source;
        private readonly int _sink;
        private readonly int[] _head;
        private readonly int[] _to;
        private readonly int[] _next;
        private readonly int[] _capacity;
        private readonly long[] _cost;
        private int _edges;
        private readonly long _required;
        private readonly int[] _level;
        private readonly int[] _iterator;

        public long[] Potentials { get; }

        public int Phases { get; private set; }

        public MinCostFlow(int[] need, int[] capacity, List<(int Provider, int Score)>[] lists)
        {
            _demands = need.Length;
            var nodes = need.Length + capacity.Length + 2;
            _source = nodes - 2;
            _sink = nodes - 1;
            _head = Enumerable.Repeat(-1, nodes).ToArray();
            var edges = 2 * ((2 * need.Length) + capacity.Length + lists.Sum(l => l.Count));
            _to = new int[edges];
            _next = new int[edges];
            _capacity = new int[edges];
            _cost = new long[edges];
            Potentials = new long[nodes];
            _level = new int[nodes];
            _iterator = new int[nodes];
            for (var d = 0; d < need.Length; d++)
            {
                if (need[d] <= 0)
                {
                    continue;
                }

                _required += need[d];
                AddEdge(_source, DemandNode(d), need[d], 0);
                AddEdge(DemandNode(d), _sink, need[d], 0); // places left empty
                foreach (var (provider, score) in lists[d])
                {
                    AddEdge(DemandNode(d), ProviderNode(provider), 1, -score);
                }
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                if (capacity[p] > 0)
                {
                    AddEdge(ProviderNode(p), _sink, capacity[p], 0);
                }
            }

            // Initial potentials, the shortest distances in the (acyclic) network: every reduced cost starts non-negative.
            for (var p = 0; p < capacity.Length; p++)
            {
                Potentials[ProviderNode(p)] = 0;
            }

            for (var d = 0; d < need.Length; d++)
            {
                for (var e = _head[DemandNode(d)]; e >= 0; e = _next[e])
                {
                    if (_to[e] != _sink && _cost[e] < Potentials[_to[e]])
                    {
                        Potentials[_to[e]] = _cost[e];
                    }
                }
            }

            Potentials[_sink] = Math.Min(0, Potentials.Take(_demands + capacity.Length).DefaultIfEmpty(0).Min());
        }

        public int DemandNode(int demand) => demand;

        public int ProviderNode(int provider) => _demands + provider;

        public void Run()
        {
            long sent = 0;
            var distance = new long[_head.Length];
            var queue = new PriorityQueue<int, long>();
            while (sent < _required)
            {
                // Dijkstra on reduced costs.
                Array.Fill(distance, Infinity);
                queue.Clear();
                distance[_source] = 0;
                queue.Enqueue(_source, 0);
                while (queue.TryDequeue(out var u, out var du))
                {
                    if (du > distance[u])
                    {
                        continue;
                    }

                    if (u == _sink)
                    {
                        break; // nodes not settled yet are at least this far: their potentials are clipped to it below
                    }

                    for (var e = _head[u]; e >= 0; e = _next[e])
                    {
                        if (_capacity[e] > 0)
                        {
                            var v = _to[e];
                            var candidate = du + _cost[e] + Potentials[u] - Potentials[v];
                            if (candidate < distance[v])
                            {
                                distance[v] = candidate;
                                queue.Enqueue(v, candidate);
                            }
                        }
                    }
                }

                Phases++;
                var toSink = distance[_sink];
                if (toSink >= Infinity)
                {
                    return;
                }

                for (var v = 0; v < _head.Length; v++)
                {
                    Potentials[v] += Math.Min(distance[v], toSink);
                }

                // A blocking flow over the edges whose reduced cost is now zero.
                long pushed;
                while ((pushed = BlockingFlow(_required - sent)) > 0)
                {
                    sent += pushed;
                }
            }
        }

        public List<Pair> Pairs()
        {
            var pairs = new List<Pair>();
            for (var d = 0; d < _demands; d++)
            {
                for (var e = _head[d]; e >= 0; e = _next[e])
                {
                    if (_to[e] != _sink && _to[e] != _source && e % 2 == 0 && _capacity[e] == 0)
                    {
                        pairs.Add(new Pair(d, _to[e] - _demands, (int)-_cost[e]));
                    }
                }
            }

            pairs.Sort((a, b) => a.Demand != b.Demand ? a.Demand.CompareTo(b.Demand) : a.Provider.CompareTo(b.Provider));
            return pairs;
        }

        private bool Admissible(int e, int u) => _capacity[e] > 0 && _cost[e] + Potentials[u] - Potentials[_to[e]] == 0;

        private long BlockingFlow(long limit)
        {
            Array.Fill(_level, -1);
            _level[_source] = 0;
            var bfs = new Queue<int>();
            bfs.Enqueue(_source);
            while (bfs.TryDequeue(out var u))
            {
                for (var e = _head[u]; e >= 0; e = _next[e])
                {
                    if (_level[_to[e]] < 0 && Admissible(e, u))
                    {
                        _level[_to[e]] = _level[u] + 1;
                        bfs.Enqueue(_to[e]);
                    }
                }
            }

            if (_level[_sink] < 0)
            {
                return 0;
            }

            Array.Copy(_head, _iterator, _head.Length);
            long total = 0;
            long pushed;
            while (total < limit && (pushed = Push(_source, limit - total)) > 0)
            {
                total += pushed;
            }

            return total;
        }

        private long Push(int u, long limit)
        {
            if (u == _sink)
            {
                return limit;
            }

            for (; _iterator[u] >= 0; _iterator[u] = _next[_iterator[u]])
            {
                var e = _iterator[u];
                var v = _to[e];
                if (_level[v] == _level[u] + 1 && Admissible(e, u))
                {
                    var pushed = Push(v, Math.Min(limit, _capacity[e]));
                    if (pushed > 0)
                    {
                        _capacity[e] -= (int)pushed;
                        _capacity[e ^ 1] += (int)pushed;
                        return pushed;
                    }
                }
            }

            return 0;
        }

        private void AddEdge(int from, int to, int capacity, long cost)
        {
            _to[_edges] = to;
            _capacity[_edges] = capacity;
            _cost[_edges] = cost;
            _next[_edges] = _head[from];
            _head[from] = _edges++;
            _to[_edges] = from;
            _capacity[_edges] = 0;
            _cost[_edges] = -cost;
            _next[_edges] = _head[to];
            _head[to] = _edges++;
        }
    }
}
