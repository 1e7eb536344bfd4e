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
    public static AssignmentResult Exact(int[] need, int[] capacity, Func<int, int, int> score, int candidatesPerDemand = 12, int demandsPerPlace = 4)
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
                if (best.Count > capacity[p] * demandsPerPlace)
                {
                    best.RemoveRange(capacity[p] * demandsPerPlace, best.Count - (capacity[p] * demandsPerPlace));
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
        MinCostFlow? previous = null;
        for (var round = 1; ; round++)
        {
            // The first round solves from nothing; later ones start from the last optimum and repair it around the added pairs.
            var flow = new MinCostFlow(need, capacity, lists, previous);
            flow.Run();
            phases += flow.Phases;
            previous = flow;

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
        private readonly int _firstSpecial;
        private int _source;
        private int _sink;
        private readonly int[] _head;
        private readonly int[] _to;
        private readonly int[] _next;
        private readonly int[] _capacity;
        private readonly long[] _cost;
        private int _edges;
        private long _required;
        private readonly bool[] _onPath;
        private readonly int[] _iterator;

        public long[] Potentials { get; }

        public int Phases { get; private set; }

        public MinCostFlow(int[] need, int[] capacity, List<(int Provider, int Score)>[] lists, MinCostFlow? warm = null)
        {
            _demands = need.Length;
            var nodes = need.Length + capacity.Length + 4;
            _source = need.Length + capacity.Length;
            _firstSpecial = _source;
            _sink = _source + 1;
            var repairSource = _source + 2;
            var repairSink = _source + 3;
            _head = Enumerable.Repeat(-1, nodes).ToArray();
            var edges = 2 * ((3 * need.Length) + (2 * capacity.Length) + lists.Sum(l => l.Count));
            _to = new int[edges];
            _next = new int[edges];
            _capacity = new int[edges];
            _cost = new long[edges];
            Potentials = new long[nodes];
            _onPath = new bool[nodes];
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
            if (warm is not null)
            {
                WarmStart(warm, need, capacity, repairSource, repairSink);
            }
        }

        /// <summary>
        /// Starts from the previous round's optimum (same pairs used, same potentials), saturates each added pair whose reduced
        /// cost is negative, and leaves the imbalance this makes (one unit too many at the provider, one too few at the
        /// demand) to be routed from a repair source to a repair sink by the same primal-dual method. Reduced-cost optimality
        /// holds on every residual edge throughout, so the repaired flow is again optimal.
        /// </summary>
        private void WarmStart(MinCostFlow warm, int[] need, int[] capacity, int repairSource, int repairSink)
        {
            var used = warm.Pairs().Select(p => (p.Demand, p.Provider)).ToHashSet();
            Array.Copy(warm.Potentials, Potentials, warm.Potentials.Length);
            var assignedToDemand = new int[need.Length];
            var assignedToProvider = new int[capacity.Length];
            var excess = new int[capacity.Length];
            var deficit = new int[need.Length];
            for (var d = 0; d < need.Length; d++)
            {
                for (var e = _head[d]; e >= 0; e = _next[e])
                {
                    if (e % 2 != 0 && _to[e] == _source)
                    {
                        Move(e ^ 1, need[d]); // the source's edge to this demand: full, as in any round's end
                        continue;
                    }

                    if (e % 2 != 0 || _to[e] == _sink)
                    {
                        continue;
                    }

                    var p = _to[e] - _demands;
                    if (used.Contains((d, p)))
                    {
                        Move(e, 1);
                        assignedToDemand[d]++;
                        assignedToProvider[p]++;
                    }
                    else if (_cost[e] + Potentials[d] - Potentials[_to[e]] < 0)
                    {
                        Move(e, 1);
                        excess[p]++;
                        deficit[d]++;
                    }
                }
            }

            for (var d = 0; d < need.Length; d++)
            {
                for (var e = _head[d]; e >= 0; e = _next[e])
                {
                    if (e % 2 == 0 && _to[e] == _sink)
                    {
                        Move(e, need[d] - assignedToDemand[d]); // the places left empty
                    }
                }
            }

            for (var p = 0; p < capacity.Length; p++)
            {
                for (var e = _head[ProviderNode(p)]; e >= 0; e = _next[e])
                {
                    if (e % 2 == 0 && _to[e] == _sink)
                    {
                        Move(e, assignedToProvider[p]);
                    }
                }
            }

            long maxProvider = long.MinValue, minDemand = long.MaxValue;
            for (var p = 0; p < capacity.Length; p++)
            {
                if (excess[p] > 0)
                {
                    AddEdge(repairSource, ProviderNode(p), excess[p], 0);
                    maxProvider = Math.Max(maxProvider, Potentials[ProviderNode(p)]);
                }
            }

            for (var d = 0; d < need.Length; d++)
            {
                if (deficit[d] > 0)
                {
                    AddEdge(d, repairSink, deficit[d], 0);
                    minDemand = Math.Min(minDemand, Potentials[d]);
                }
            }

            Potentials[repairSource] = maxProvider == long.MinValue ? 0 : maxProvider;
            Potentials[repairSink] = minDemand == long.MaxValue ? 0 : minDemand;
            _source = repairSource;
            _sink = repairSink;
            _required = excess.Sum();
        }

        private void Move(int edge, int units)
        {
            _capacity[edge] -= units;
            _capacity[edge ^ 1] += units;
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

                // As much flow as the edges whose reduced cost is now zero carry.
                sent += BlockingFlow(_required - sent);
            }
        }

        public List<Pair> Pairs()
        {
            var pairs = new List<Pair>();
            for (var d = 0; d < _demands; d++)
            {
                for (var e = _head[d]; e >= 0; e = _next[e])
                {
                    if (_to[e] >= _demands && _to[e] < _firstSpecial && e % 2 == 0 && _capacity[e] == 0)
                    {
                        pairs.Add(new Pair(d, _to[e] - _demands, (int)-_cost[e]));
                    }
                }
            }

            pairs.Sort((a, b) => a.Demand != b.Demand ? a.Demand.CompareTo(b.Demand) : a.Provider.CompareTo(b.Provider));
            return pairs;
        }

        private bool Admissible(int e, int u) => _capacity[e] > 0 && _cost[e] + Potentials[u] - Potentials[_to[e]] == 0;

        /// <summary>
        /// Augments along admissible (zero reduced cost) paths until none is found: a depth-first search with a current edge
        /// per node, so a node found to lead nowhere is not searched again in this phase. Paths it misses (through such
        /// nodes, opened by its own pushes) are found in the next phase at distance zero.
        /// </summary>
        private long BlockingFlow(long limit)
        {
            Array.Copy(_head, _iterator, _head.Length);
            Array.Clear(_onPath);
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

            _onPath[u] = true;
            for (; _iterator[u] >= 0; _iterator[u] = _next[_iterator[u]])
            {
                var e = _iterator[u];
                var v = _to[e];
                if (!_onPath[v] && Admissible(e, u))
                {
                    var pushed = Push(v, Math.Min(limit, _capacity[e]));
                    if (pushed > 0)
                    {
                        _capacity[e] -= (int)pushed;
                        _capacity[e ^ 1] += (int)pushed;
                        _onPath[u] = false;
                        return pushed;
                    }
                }
            }

            _onPath[u] = false;
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
