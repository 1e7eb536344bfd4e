namespace Talent.Matching.Matching;

public static partial class Assignment
{
    private sealed partial class CostScaling
    {
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
